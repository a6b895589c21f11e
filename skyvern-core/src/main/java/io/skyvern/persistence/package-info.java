/**
 * The only package that touches SQL: the pool ({@code HikariCP}), the migrations ({@code Flyway},
 * one set for H2 and PostgreSQL) and the Jdbi repositories that implement the feature packages'
 * repository interfaces.
 */
package io.skyvern.persistence;

/** The facade {@link io.skyvern.Skyvern}: create one, use its services, close it. */
package io.skyvern;

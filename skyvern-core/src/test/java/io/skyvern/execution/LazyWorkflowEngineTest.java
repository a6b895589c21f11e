package io.skyvern.execution;

import io.skyvern.browser.BrowserManager;
import io.skyvern.common.ErrorCode;
import io.skyvern.common.SkyvernException;
import io.skyvern.llm.LlmClient;
import io.skyvern.workflow.engine.WorkflowEngine;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LazyWorkflowEngineTest {
    static final BrowserManager NO_BROWSER = (BrowserManager) Proxy.newProxyInstance(
            BrowserManager.class.getClassLoader(), new Class<?>[]{BrowserManager.class}, (p, m, a) -> {
                throw new UnsupportedOperationException("no browser in this test");
            });
    static final LlmClient LLM = (LlmClient) Proxy.newProxyInstance(LlmClient.class.getClassLoader(),
            new Class<?>[]{LlmClient.class}, (p, m, a) -> {
                throw new UnsupportedOperationException("no model in this test");
            });

    @Test
    void engine_is_built_once_when_a_model_is_configured() {
        AtomicInteger made = new AtomicInteger();
        LazyWorkflowEngine lazy = new LazyWorkflowEngine(NO_BROWSER, () -> {
            made.incrementAndGet();
            return LLM;
        }, Clock.systemUTC(), new io.skyvern.agent.AgentOptions(false, true, 6000), false);
        WorkflowEngine first = lazy.get();
        assertThat(lazy.get()).isSameAs(first);
        assertThat(made.get()).isEqualTo(1);
    }

    @Test
    void without_a_model_an_engine_still_comes_and_a_later_run_tries_the_model_again() {
        AtomicInteger asked = new AtomicInteger();
        LazyWorkflowEngine lazy = new LazyWorkflowEngine(NO_BROWSER, () -> {
            asked.incrementAndGet();
            throw new SkyvernException(ErrorCode.LLM_NOT_CONFIGURED, "No LLM is configured");
        }, Clock.systemUTC(), new io.skyvern.agent.AgentOptions(false, true, 6000), false);
        assertThat(lazy.get()).isNotNull();
        assertThat(lazy.get()).isNotNull();
        assertThat(asked.get()).isEqualTo(2);
    }

    @Test
    void other_configuration_errors_are_not_hidden() {
        LazyWorkflowEngine lazy = new LazyWorkflowEngine(NO_BROWSER, () -> {
            throw new SkyvernException(ErrorCode.CONFIGURATION_ERROR, "Invalid configuration: llm_prices");
        }, Clock.systemUTC(), new io.skyvern.agent.AgentOptions(false, true, 6000), false);
        assertThatThrownBy(lazy::get).isInstanceOf(SkyvernException.class).hasMessageContaining("llm_prices");
    }
}

package io.skyvern.workflow.engine;

import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.IsDefinedExpTest;
import com.hubspot.jinjava.lib.exptest.IsUndefinedExpTest;
import com.hubspot.jinjava.lib.filter.DefaultFilter;
import com.hubspot.jinjava.objects.collections.PyMap;
import jinjava.javax.el.ELContext;
import jinjava.javax.el.ELResolver;

import java.beans.FeatureDescriptor;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Strict undefined handling for Jinjava. Jinjava's own {@code failOnUnknownTokens} only notices an
 * expression whose whole value is null ({@code {{ x }}}), not {@code x > 2} or {@code x | upper};
 * so every lookup of a missing key (nested, through {@link PropertyResolver}) or missing top-level
 * name (through {@link TrackingContext}) is recorded for the render on this thread. The
 * {@code default} filter and {@code is defined}/{@code is undefined} tests forgive the miss that
 * produced their input, as Jinja's StrictUndefined does.
 */
final class MissTracker {
    private static final ThreadLocal<MissTracker> CURRENT = new ThreadLocal<>();
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final List<String> misses = new ArrayList<>();
    private boolean suspended;

    static MissTracker start() {
        MissTracker tracker = new MissTracker();
        CURRENT.set(tracker);
        return tracker;
    }

    static void end() {
        CURRENT.remove();
    }

    List<String> misses() {
        return misses;
    }

    private static void record(String path) {
        MissTracker t = CURRENT.get();
        if (t != null && !t.suspended) {
            t.misses.add(path);
        }
    }

    private static void forgiveLast(Object value) {
        MissTracker t = CURRENT.get();
        if (value == null && t != null && !t.misses.isEmpty()) {
            t.misses.remove(t.misses.size() - 1);
        }
    }

    /** Top-level misses that are still undefined at the end (a {@code set} looks its name up first). */
    void dropDefinedLater(Context context) {
        suspended = true;
        try {
            misses.removeIf(m -> !m.contains(".") && context.get(m) != null);
        } finally {
            suspended = false;
        }
    }

    /** The root scope of a render: records names that are looked up but not bound. */
    static final class TrackingContext extends Context {
        private final String template;

        TrackingContext(Context parent, Map<String, ?> bindings, String template) {
            super(parent, bindings);
            this.template = template;
        }

        @Override
        public Object get(Object key) {
            Object value = super.get(key);
            // Jinjava also looks up internal names: only names the template itself uses count.
            if (value == null && key instanceof String name && NAME.matcher(name).matches()
                    && Pattern.compile("(?<![\\w.'\"])" + Pattern.quote(name) + "\\b").matcher(template).find()) {
                record(name);
            }
            return value;
        }
    }

    /** Property lookups: a missing key of a context map is recorded with its full path. */
    static final class PropertyResolver extends ELResolver {
        private final ELResolver delegate = JinjavaInterpreterResolver.DEFAULT_RESOLVER_READ_ONLY;

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            Object map = base instanceof PyMap py ? py.toMap() : base;
            if (map instanceof StrictBindings.PathMap path && !path.containsKey(String.valueOf(property))) {
                record(path.path + "." + property);
            }
            return delegate.getValue(context, base, property);
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
            return delegate.invoke(context, base, method, types, params);
        }

        @Override
        public Class<?> getCommonPropertyType(ELContext context, Object base) {
            return delegate.getCommonPropertyType(context, base);
        }

        @Override
        public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
            return delegate.getFeatureDescriptors(context, base);
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return delegate.getType(context, base, property);
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            delegate.setValue(context, base, property, value);
        }
    }

    static final class ForgivingDefault extends DefaultFilter {
        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Map<String, Object> parsedArgs) {
            forgiveLast(var);
            return super.filter(var, interpreter, parsedArgs);
        }
    }

    static final class ForgivingDefined extends IsDefinedExpTest {
        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            forgiveLast(var);
            return super.evaluate(var, interpreter, args);
        }
    }

    static final class ForgivingUndefined extends IsUndefinedExpTest {
        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            forgiveLast(var);
            return super.evaluate(var, interpreter, args);
        }
    }
}

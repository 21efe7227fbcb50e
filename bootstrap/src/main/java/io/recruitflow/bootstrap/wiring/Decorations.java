package io.recruitflow.bootstrap.wiring;

import com.google.inject.Binder;
import com.google.inject.Binding;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Scope;
import com.google.inject.binder.ScopedBindingBuilder;
import com.google.inject.spi.DefaultBindingScopingVisitor;
import com.google.inject.spi.DefaultBindingTargetVisitor;
import com.google.inject.spi.Element;
import com.google.inject.spi.Elements;
import com.google.inject.spi.InstanceBinding;
import com.google.inject.spi.LinkedKeyBinding;
import com.google.inject.spi.ProviderInstanceBinding;
import com.google.inject.spi.ProviderKeyBinding;
import jakarta.inject.Qualifier;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Decorating what another module binds, whichever module it is and however it binds it: {@link #moveAside}
 * moves chosen bindings to the same type qualified {@link Undecorated}, so that a decorating module can bind
 * the type itself to a wrapper of the moved binding (Guice has no decorator binding of its own). The adapter's
 * module stays as it is and knows nothing of its decorators; an embedder's {@code Modules.override} of it is
 * decorated the same way.
 */
public final class Decorations {
    private Decorations() {}

    /** The qualifier of a binding moved aside to be decorated. */
    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
    public @interface Undecorated {}

    /** The keys of the bindings {@code module} makes that match {@code which}. */
    public static Set<Key<?>> keys(Module module, Predicate<Key<?>> which) {
        Set<Key<?>> keys = new LinkedHashSet<>();
        for (Element element : Elements.getElements(module)) {
            if (element instanceof Binding<?> binding && which.test(binding.getKey())) {
                keys.add(binding.getKey());
            }
        }
        return keys;
    }

    /** {@code key}'s type, qualified {@link Undecorated}: where {@link #moveAside} puts its binding. */
    public static <T> Key<T> undecorated(Key<T> key) {
        return Key.get(key.getTypeLiteral(), Undecorated.class);
    }

    /**
     * {@code module}, with its bindings of {@code keys} moved to {@link #undecorated} keys (same target, same
     * scope) and everything else as it was.
     */
    public static Module moveAside(Module module, Set<Key<?>> keys) {
        return moveAside(module, keys, Undecorated.class);
    }

    /**
     * {@code module}, with its bindings of {@code keys} moved to the same types qualified {@code qualifier}: for a
     * second decorator of a type another decorator wraps already (each moves aside under its own qualifier).
     */
    public static Module moveAside(Module module, Set<Key<?>> keys, Class<? extends Annotation> qualifier) {
        List<Element> elements = Elements.getElements(module);
        return binder -> {
            for (Element element : elements) {
                if (element instanceof Binding<?> binding && keys.contains(binding.getKey())) {
                    moveAside(binder, binding, qualifier);
                } else {
                    element.applyTo(binder);
                }
            }
        };
    }

    private static <T> void moveAside(Binder binder, Binding<T> binding, Class<? extends Annotation> qualifier) {
        Key<T> aside = Key.get(binding.getKey().getTypeLiteral(), qualifier);
        Binder source = binder.withSource(binding.getSource());
        ScopedBindingBuilder scoped =
                binding.acceptTargetVisitor(new DefaultBindingTargetVisitor<T, ScopedBindingBuilder>() {
                    @Override
                    public ScopedBindingBuilder visit(ProviderInstanceBinding<? extends T> provided) {
                        return source.bind(aside).toProvider(provided.getUserSuppliedProvider());
                    }

                    @Override
                    public ScopedBindingBuilder visit(ProviderKeyBinding<? extends T> provided) {
                        return source.bind(aside).toProvider(provided.getProviderKey());
                    }

                    @Override
                    public ScopedBindingBuilder visit(LinkedKeyBinding<? extends T> linked) {
                        return source.bind(aside).to(linked.getLinkedKey());
                    }

                    @Override
                    public ScopedBindingBuilder visit(InstanceBinding<? extends T> instance) {
                        source.bind(aside).toInstance(instance.getInstance());
                        return null;
                    }

                    @Override
                    protected ScopedBindingBuilder visitOther(Binding<? extends T> other) {
                        throw new IllegalArgumentException("cannot decorate " + other);
                    }
                });
        if (scoped == null) {
            return;
        }
        binding.acceptScopingVisitor(new DefaultBindingScopingVisitor<Void>() {
            @Override
            public Void visitEagerSingleton() {
                scoped.asEagerSingleton();
                return null;
            }

            @Override
            public Void visitScope(Scope scope) {
                scoped.in(scope);
                return null;
            }

            @Override
            public Void visitScopeAnnotation(Class<? extends Annotation> scopeAnnotation) {
                scoped.in(scopeAnnotation);
                return null;
            }
        });
    }
}

package io.recruitflow.application.nurture;

/**
 * Told of what the nurture does (replies that matter, steps sent, cadences ended), after it is stored. Bind one
 * with Guice's {@code Multibinder.newSetBinder(binder(), NurtureListener.class)}. A listener must be quick (it runs
 * on the job or event that caused the notice) and idempotent ({@link NurtureNotice#id()}); an exception it throws
 * is logged by nobody and swallowed: it never undoes or repeats the step.
 */
@FunctionalInterface
public interface NurtureListener {
    void on(NurtureNotice notice);
}

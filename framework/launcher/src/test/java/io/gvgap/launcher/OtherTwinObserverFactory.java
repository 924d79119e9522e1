package io.gvgap.launcher;

/** A second factory named {@code twin}. */
public final class OtherTwinObserverFactory extends TwinObserverFactory {}

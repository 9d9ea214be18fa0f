package io.agrilink.suite.demo;

/**
 * One service's part of the demo data set (the Luc Ngan lychee week), loaded by the launcher
 * through the services' public APIs with real tokens, in the order of {@link #order()}.
 */
public interface DemoData {

    /** Lower loads first: catalog 10, training 20, order 40, logistics 50 (it moves the orders' shipments along). */
    int order();

    /** A few words for the progress line, e.g. "producers, products, lots and the campaign". */
    String description();

    void load(DemoContext demo) throws Exception;
}

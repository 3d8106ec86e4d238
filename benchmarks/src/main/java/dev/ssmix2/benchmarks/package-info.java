/** JMH benchmarks. */
package dev.ssmix2.benchmarks;

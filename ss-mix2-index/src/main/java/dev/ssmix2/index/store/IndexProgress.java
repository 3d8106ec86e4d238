package dev.ssmix2.index.store;

/**
 * How far an update has come.
 *
 * @param filesSeen storage files walked so far
 * @param filesRead files actually read and parsed (new or changed)
 * @param patientsSeen patient folders walked so far
 * @param filesExpected files in the index before this run (an estimate of the total; 0 when unknown)
 */
public record IndexProgress(long filesSeen, long filesRead, long patientsSeen, long filesExpected) {}

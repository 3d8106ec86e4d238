package dev.ssmix2.core.read;

import dev.ssmix2.core.storage.StorageFile;

/**
 * What reading one file gave: a {@link MessageRead} (decoded text, tokenized message and typed record) or a
 * {@link ReadProblem} saying why the file could not be used. Reading never throws for one bad file.
 */
public sealed interface ReadResult permits MessageRead, ReadProblem {

  StorageFile file();
}

package dev.ssmix2.examples.web;

import java.util.List;
import java.util.Optional;

/**
 * A {@link ViewerData} for what no storage can produce: a data layer that fails ({@link #BROKEN}), or a server that
 * needs data but is only tested for how it binds. Everything else runs on the real index ({@link ViewerFixture}).
 */
final class FakeViewerData implements ViewerData {
  /** A patient id whose lookup fails inside the data layer, to check that no internals reach the client. */
  static final String BROKEN = "BROKEN";

  @Override
  public SearchResponse search(String query, int limit) {
    return SearchResponse.empty(query);
  }

  @Override
  public Optional<PatientChart> patient(String patientId) {
    if (patientId.equals(BROKEN)) {
      throw new IllegalStateException("secret internal detail /var/ssmix2/" + patientId);
    }
    return Optional.empty();
  }

  @Override
  public Optional<List<RecordRow>> records(String patientId, boolean history) {
    return Optional.empty();
  }

  @Override
  public Optional<RawRecord> raw(String recordId) {
    return Optional.empty();
  }
}

package dev.ssmix2.core.export;

/** Takes the default tables' rows of one patient after another and writes them in a profile's shape. */
interface ProfileSink extends RowSink {
  /** Called after the last row of each patient. */
  void endPatient();

  /** The default profile: rows go out as they are. */
  record Direct(RowSink out) implements ProfileSink {
    @Override
    public void accept(TableSpec.Row row) {
      out.accept(row);
    }

    @Override
    public void endPatient() { }
  }
}

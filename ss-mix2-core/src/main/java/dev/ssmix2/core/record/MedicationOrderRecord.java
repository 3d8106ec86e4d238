package dev.ssmix2.core.record;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.List;
import java.util.Optional;

/** OMP-01 処方オーダ or OMP-02 注射オーダ: one RDE^O11 message, one {@link Order} per ORC group (RP). */
public record MedicationOrderRecord(RecordSource source, Kind kind, List<Order> orders) implements ClinicalRecord {

  /** Prescription (処方) or injection (注射); RDE^O11 is the same message for both, only the folder tells. */
  public enum Kind {
    PRESCRIPTION("処方"),
    INJECTION("注射");

    private final String japanese;

    Kind(String japanese) {
      this.japanese = japanese;
    }

    public String japanese() {
      return japanese;
    }
  }

  public MedicationOrderRecord {
    checkNotNull(source, "source must not be null");
    checkNotNull(kind, "kind must not be null");
    checkNotNull(orders, "orders must not be null");
    orders = List.copyOf(orders);
  }

  /**
   * One ORC group: ORC + RXE + TQ1 + RXR (+ RXC for injections).
   *
   * @param orderControl ORC-1 (NW, CA …)
   * @param placerOrderNo ORC-2
   * @param groupNo ORC-4 (RP number)
   * @param give RXE-2: the drug ({@code HOT9}) for prescriptions, the injection type ({@code 00^一般^99I02}) for
   *     injections
   * @param dose RXE-3 amount per dose, as written
   * @param unit RXE-5
   * @param dosageForm RXE-6
   * @param dispenseAmount RXE-10, as written
   * @param dispenseUnit RXE-11
   * @param dailyTotal RXE-19 component 1 (1日量), as written
   * @param dailyTotalUnit RXE-19 component 2
   * @param usage TQ1-3 usage code (JAMI 用法コード), from its subcomponents
   * @param days TQ1-6 when its unit is days ({@code 5^d})
   * @param start TQ1-7
   * @param end TQ1-8
   * @param route RXR-1
   * @param components RXC segments (injections: base and additives)
   * @param comments the NTE-3 comments of the order group (ORC to the next ORC), in order
   */
  public record Order(String orderControl, String placerOrderNo, String groupNo, Coded give, String dose, Coded unit,
      Coded dosageForm, String dispenseAmount, Coded dispenseUnit, String dailyTotal, Coded dailyTotalUnit,
      Coded usage, Optional<Integer> days, Optional<Hl7Timestamp> start, Optional<Hl7Timestamp> end, Coded route,
      List<Component> components, List<String> comments) {
    public Order {
      checkNotNull(orderControl, "orderControl must not be null");
      checkNotNull(placerOrderNo, "placerOrderNo must not be null");
      checkNotNull(groupNo, "groupNo must not be null");
      checkNotNull(give, "give must not be null");
      checkNotNull(dose, "dose must not be null");
      checkNotNull(unit, "unit must not be null");
      checkNotNull(dosageForm, "dosageForm must not be null");
      checkNotNull(dispenseAmount, "dispenseAmount must not be null");
      checkNotNull(dispenseUnit, "dispenseUnit must not be null");
      checkNotNull(dailyTotal, "dailyTotal must not be null");
      checkNotNull(dailyTotalUnit, "dailyTotalUnit must not be null");
      checkNotNull(usage, "usage must not be null");
      checkNotNull(days, "days must not be null");
      checkNotNull(start, "start must not be null");
      checkNotNull(end, "end must not be null");
      checkNotNull(route, "route must not be null");
      checkNotNull(components, "components must not be null");
      checkNotNull(comments, "comments must not be null");
      components = List.copyOf(components);
      comments = List.copyOf(comments);
    }

    /** An order without NTE comments. */
    public Order(String orderControl, String placerOrderNo, String groupNo, Coded give, String dose, Coded unit,
        Coded dosageForm, String dispenseAmount, Coded dispenseUnit, String dailyTotal, Coded dailyTotalUnit,
        Coded usage, Optional<Integer> days, Optional<Hl7Timestamp> start, Optional<Hl7Timestamp> end, Coded route,
        List<Component> components) {
      this(orderControl, placerOrderNo, groupNo, give, dose, unit, dosageForm, dispenseAmount, dispenseUnit,
          dailyTotal, dailyTotalUnit, usage, days, start, end, route, components, List.of());
    }

    /** The drugs of this group: RXC components when there are any (injections), else RXE-2. */
    public List<Coded> drugs() {
      return components.isEmpty() ? List.of(give) : components.stream().map(Component::drug).toList();
    }
  }

  /**
   * One RXC segment.
   *
   * @param kind RXC-1: {@code B} base, {@code A} additive
   * @param drug RXC-2
   * @param amount RXC-3, as written
   * @param unit RXC-4
   */
  public record Component(String kind, Coded drug, String amount, Coded unit) {
    public Component {
      checkNotNull(kind, "kind must not be null");
      checkNotNull(drug, "drug must not be null");
      checkNotNull(amount, "amount must not be null");
      checkNotNull(unit, "unit must not be null");
    }
  }

  @Override
  public String summary() {
    return Summaries.line(source, kind.japanese(), Summaries.list(orders.stream().map(this::describe).toList()));
  }

  private String describe(Order o) {
    if (!o.components().isEmpty()) {
      String drugs = String.join(" + ", o.components().stream()
          .map(c -> Summaries.words(c.drug().display(), c.amount() + c.unit().display())).toList());
      return Summaries.words(drugs, o.route().display());
    }
    String amount = !o.dailyTotal().isBlank()
        ? o.dailyTotal() + o.dailyTotalUnit().display()
        : o.dose() + o.unit().display();
    return Summaries.words(o.give().display(), amount, UsageText.dosesPerDay(o.usage().display()),
        o.days().map(d -> d + "日分").orElse(""));
  }
}

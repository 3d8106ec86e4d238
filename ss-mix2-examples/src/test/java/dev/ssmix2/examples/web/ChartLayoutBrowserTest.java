package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.index.store.PatientIndex;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chart as a hurried clinician reads it on a tablet, landscape (1180×820) and portrait (820×1180): the pinned
 * patient header, the lab matrix whose date row and test/unit/range columns stay in view while it scrolls, the three
 * allergy states worded apart, the not-found page, the raw view beside the tapped value, and the hint when a search is capped. Screenshots
 * go to {@code target/screenshots/}.
 */
@Tag("browser")
class ChartLayoutBrowserTest {
  @TempDir static Path dir;
  private static PatientIndex index;
  private static ViewerFixture viewer;
  private ChromeDriver driver;
  private WebDriverWait wait;

  @BeforeAll
  static void serve() {
    index = ChartStorage.build(dir);
    viewer = ViewerFixture.start(dir, new IndexViewerData(index), null);
  }

  @AfterAll
  static void stopServer() {
    if (viewer != null) {
      viewer.close();
    }
    if (index != null) {
      index.close();
    }
  }

  @AfterEach
  void quit() {
    if (driver != null) {
      driver.quit();
    }
  }

  private void open(String size, String fragment) {
    driver = Browser.start(dir, size);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(viewer.url(fragment).toString());
  }

  private void openChart(String size, String patientId) {
    open(size, "/#/patient/" + patientId);
    Browser.awaitChart(wait, patientId);
  }

  private Map<String, Object> rect(WebElement e) {
    @SuppressWarnings("unchecked")
    Map<String, Object> r = (Map<String, Object>) driver.executeScript(
        "const r = arguments[0].getBoundingClientRect(); return {top: r.top, left: r.left, bottom: r.bottom,"
            + " right: r.right};", e);
    return r;
  }

  private static double at(Map<String, Object> rect, String side) {
    return ((Number) rect.get(side)).doubleValue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1180x820", "820x1180"})
  void labHeadersStayInViewWhileTheMatrixScrollsAndThePatientHeaderStaysPinned(String size) {
    openChart(size, ChartStorage.RICH_ID);
    WebElement box = driver.findElement(By.id("lab-scroll"));
    List<WebElement> dates = box.findElements(By.cssSelector("thead th.lab-date"));
    assertThat(dates).hasSizeGreaterThanOrEqualTo(5);
    List<String> columns = dates.stream().map(WebElement::getText).toList();
    assertThat(columns).as("newest first").isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(box.findElements(By.cssSelector("tbody tr.lab-group"))).as("grouped").isNotEmpty();

    driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", box); // scroll-margin keeps it below the header
    driver.executeScript("arguments[0].scrollTop = arguments[0].scrollHeight; arguments[0].scrollLeft = "
        + "arguments[0].scrollWidth;", box);
    Browser.screenshot(driver, "chart-labs-scrolled-" + size);

    Map<String, Object> boxRect = rect(box);
    Map<String, Object> dateRect = rect(dates.get(dates.size() - 1));
    assertThat(at(dateRect, "top")).as("date row at the top of the scrolled box")
        .isBetween(at(boxRect, "top") - 1, at(boxRect, "top") + 2);
    WebElement lastRow = box.findElements(By.cssSelector("tbody tr.lab-row")).get(
        box.findElements(By.cssSelector("tbody tr.lab-row")).size() - 1);
    Map<String, Object> name = rect(lastRow.findElement(By.cssSelector("th.lab-name")));
    Map<String, Object> unit = rect(lastRow.findElement(By.cssSelector("td.lab-unit")));
    Map<String, Object> range = rect(lastRow.findElement(By.cssSelector("td.lab-range")));
    assertThat(at(name, "left")).as("test column at the left edge").isBetween(at(boxRect, "left") - 1,
        at(boxRect, "left") + 2);
    assertThat(at(unit, "left")).as("unit right of the name").isBetween(at(name, "right") - 1, at(name, "right") + 1);
    assertThat(at(range, "left")).as("range right of the unit").isBetween(at(unit, "right") - 1,
        at(unit, "right") + 1);
    assertThat(at(range, "right")).as("room left for values").isLessThan(at(boxRect, "right") - 150);

    WebElement header = driver.findElement(By.id("chart-header"));
    assertThat(at(rect(header), "top")).as("patient header pinned").isBetween(-1.0, 1.0);
    assertThat(header.getText()).contains("山田").contains(ChartStorage.RICH_ID).contains("歳")
        .contains("アレルギー 登録あり").contains("データ時点");
    Map<String, Object> headerRect = rect(header);
    assertThat(at(dateRect, "top")).as("the date row is not under the pinned header")
        .isGreaterThanOrEqualTo(at(headerRect, "bottom") - 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1180x820", "820x1180"})
  void theThreeAllergyStatesAreWordedApart(String size) {
    openChart(size, ChartStorage.RICH_ID);
    assertThat(driver.findElement(By.id("allergy-banner")).getText()).contains("登録あり");
    assertThat(driver.findElement(By.id("allergy-chip")).getAttribute("class")).contains("allergy-present");
    Browser.screenshot(driver, "chart-allergy-recorded-" + size);
    driver.quit();

    openChart(size, ChartStorage.NONE_ID);
    assertThat(driver.findElement(By.id("allergy-banner")).getText()).startsWith("アレルギー:「アレルギーなし」と登録")
        .doesNotContain("未登録");
    assertThat(driver.findElement(By.id("allergy-chip")).getText()).isEqualTo("アレルギー:「アレルギーなし」と登録");
    Browser.screenshot(driver, "chart-allergy-none-" + size);
    driver.quit();

    openChart(size, ChartStorage.NO_ALLERGY_RECORD_ID);
    assertThat(driver.findElement(By.id("allergy-banner")).getText()).startsWith("アレルギー: 未登録（確認が必要）")
        .doesNotContain("アレルギーなし");
    assertThat(driver.findElement(By.id("allergy-chip")).getText()).isEqualTo("アレルギー: 未登録（確認が必要）");
    Browser.screenshot(driver, "chart-allergy-not-recorded-" + size);
  }

  @org.junit.jupiter.api.Test
  void kanaStoredWithASeparateVoicedMarkIsShownJoined() {
    openChart("1180x820", ChartStorage.SPLIT_KANA_ID);
    assertThat(driver.findElement(By.id("patient-kana")).getText()).as("ヨシタ゛ shown as ヨシダ").startsWith("ヨシダ")
        .doesNotContain("\u309B");
  }

  @ParameterizedTest
  @ValueSource(strings = {"1180x820", "820x1180"})
  void aCappedSearchSaysToNarrowIt(String size) {
    open(size, "/");
    WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.sendKeys(ChartStorage.MANY_QUERY);
    wait.until(ExpectedConditions.textToBe(By.id("search-status"), "30 件以上 — 生年月日などで絞り込んでください"));
    assertThat(driver.findElements(By.cssSelector("#results .hit"))).hasSize(30);
    Browser.screenshot(driver, "search-capped-" + size);

    box.sendKeys(" S5.1.1");
    wait.until(ExpectedConditions.textToBe(By.id("search-status"), "1 件"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1180x820", "820x1180"})
  void anUnknownPatientIsAClearNotFoundPageAndTheRawViewOpensBesideTheTappedCell(String size) {
    open(size, "/#/patient/0000099999");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
    assertThat(driver.findElement(By.id("not-found")).getText()).contains("見つかりません").contains("0000099999");
    assertThat(driver.findElement(By.id("chart-body")).isDisplayed()).isFalse();
    Browser.screenshot(driver, "chart-not-found-" + size);
    driver.quit();

    openChart(size, ChartStorage.RICH_ID);
    WebElement cell = driver.findElement(By.cssSelector("#lab-matrix td.lab-value.has-record"));
    driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", cell);
    cell.click();
    wait.until(ExpectedConditions.textMatches(By.id("raw"), java.util.regex.Pattern.compile("^MSH\\|")));
    Map<String, Object> panel = rect(driver.findElement(By.id("raw-panel")));
    Map<String, Object> tapped = rect(cell);
    boolean below = at(panel, "top") >= at(tapped, "bottom") - 1 && at(panel, "top") <= at(tapped, "bottom") + 20;
    boolean above = at(panel, "bottom") <= at(tapped, "top") + 1 && at(panel, "bottom") >= at(tapped, "top") - 20;
    assertThat(below || above).as("raw view %s next to the tapped cell %s", panel, tapped).isTrue();
    Browser.screenshot(driver, "chart-raw-overlay-" + size);
  }
}

package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.core.summary.ChartWindow;
import dev.ssmix2.index.store.PatientIndex;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A chart sends the newest results and orders only; older ones come a page at a time from the labs and medications
 * APIs when asked. A narrow window (2 lab dates, 30 days of orders) makes the teaching patient's six lab dates three
 * pages, and the ended prescription an older page. Portrait tablet (820×1180).
 */
@Tag("browser")
class ChartPagingBrowserTest {
  @TempDir static Path dir;
  private static PatientIndex index;
  private static ViewerFixture viewer;
  private static int allLabColumns;
  private ChromeDriver driver;
  private WebDriverWait wait;

  @BeforeAll
  static void serve() {
    index = ChartStorage.build(dir);
    allLabColumns = new IndexViewerData(index).patient(ChartStorage.RICH_ID).orElseThrow().labTable().columns().size();
    viewer = ViewerFixture.start(dir, new IndexViewerData(index, Clock.systemDefaultZone(),
        new ChartWindow(2, 30, 0, 50, 60)), null);
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

  private void openChart(String patientId) {
    driver = Browser.start(dir, "820x1180");
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(viewer.url("/#/patient/" + patientId).toString());
    Browser.awaitChart(wait, patientId);
  }

  /** The date row's texts, read in one script (the table is rebuilt when a page arrives). */
  @SuppressWarnings("unchecked")
  private List<String> labColumns() {
    return (List<String>) driver.executeScript("return Array.from(document.querySelectorAll("
        + "'#lab-matrix thead th.lab-date')).map((e) => e.textContent);");
  }

  @Test
  void olderLabResultsArePagedInNewestFirst() {
    assertThat(allLabColumns).as("the teaching patient has labs on more than two pages").isGreaterThan(4);
    openChart(ChartStorage.RICH_ID);
    WebElement older = driver.findElement(By.id("labs-older"));
    int shown = labColumns().size();
    assertThat(shown).isBetween(2, allLabColumns - 1);
    assertThat(older.isDisplayed()).isTrue();
    while (older.isDisplayed()) {
      int before = shown;
      older.click();
      wait.until(d -> labColumns().size() > before);
      shown = labColumns().size();
    }
    List<String> columns = labColumns();
    assertThat(columns).hasSize(allLabColumns).doesNotHaveDuplicates()
        .isSortedAccordingTo(Comparator.reverseOrder());
    assertThat(driver.findElement(By.id("labs-note")).getText()).isEmpty();
    Browser.screenshot(driver, "chart-labs-paged-820x1180");
  }

  @Test
  void olderOrdersComeUnderAllWhenAsked() {
    openChart(ChartStorage.MEDS_ID);
    assertThat(driver.findElement(By.id("meds-older")).isDisplayed()).as("only under すべて").isFalse();
    driver.findElement(By.id("meds-all")).click();
    WebElement older = driver.findElement(By.id("meds-older"));
    assertThat(older.isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("prescriptions")).getText()).contains(ChartStorage.CURRENT_DRUG)
        .doesNotContain(ChartStorage.PAST_DRUG);
    older.click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#prescriptions tbody tr"), 2));
    assertThat(driver.findElement(By.id("prescriptions")).getText()).contains(ChartStorage.PAST_DRUG);
    assertThat(older.isDisplayed()).as("nothing older").isFalse();
  }
}

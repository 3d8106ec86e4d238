package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.index.store.PatientIndex;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Prescriptions as a nurse reads them, at both tablet sizes: the orders running today by default (the clinical
 * summary's {@code activeMedications}), every order behind 「すべて」 with the ended ones greyed.
 */
@Tag("browser")
class ChartMedicationsBrowserTest {
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

  private void openChart(String size, String patientId) {
    driver = Browser.start(dir, size);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    driver.get(viewer.url("/#/patient/" + patientId).toString());
    Browser.awaitChart(wait, patientId);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1180x820", "820x1180"})
  void currentPrescriptionsByDefaultAndEveryOrderBehindAll(String size) {
    openChart(size, ChartStorage.MEDS_ID);
    WebElement table = driver.findElement(By.id("prescriptions"));
    assertThat(driver.findElement(By.id("meds-active")).getAttribute("aria-pressed")).isEqualTo("true");
    assertThat(table.findElements(By.cssSelector("tbody tr"))).singleElement()
        .satisfies(row -> assertThat(row.getText()).contains(ChartStorage.CURRENT_DRUG));
    Browser.screenshot(driver, "chart-meds-current-" + size);

    driver.findElement(By.id("meds-all")).click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#prescriptions tbody tr"), 2));
    assertThat(table.getText()).contains(ChartStorage.CURRENT_DRUG).contains(ChartStorage.PAST_DRUG);
    assertThat(table.findElements(By.cssSelector("tbody tr.inactive"))).singleElement()
        .satisfies(row -> assertThat(row.getText()).contains(ChartStorage.PAST_DRUG));
    Browser.screenshot(driver, "chart-meds-all-" + size);
  }
}

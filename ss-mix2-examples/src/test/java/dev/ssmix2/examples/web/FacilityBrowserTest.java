package dev.ssmix2.examples.web;

import static dev.ssmix2.examples.web.TwoFacilityIndex.ISHINOMAKI;
import static dev.ssmix2.examples.web.TwoFacilityIndex.SENDAI;
import static dev.ssmix2.examples.web.TwoFacilityIndex.SHARED_ID;
import static dev.ssmix2.examples.web.TwoFacilityIndex.SHARED_SEARCH;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ssmix2.index.store.PatientIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Two hospitals in one backup, in headless Chromium: every hit names its facility, the facility filter (default: every
 * facility) keeps one hospital's patients, and the chart header names the facility of the patient opened.
 */
@Tag("browser")
class FacilityBrowserTest {
  @TempDir Path dir;
  private PatientIndex index;
  private ViewerFixture viewer;
  private ChromeDriver driver;
  private WebDriverWait wait;

  @BeforeEach
  void start() throws IOException {
    driver = Browser.start(dir.resolve("profile"));
    index = TwoFacilityIndex.build(dir);
    viewer = ViewerFixture.start(dir, new IndexViewerData(index), null);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
  }

  @AfterEach
  void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (viewer != null) {
      viewer.close();
    }
    if (index != null) {
      index.close();
    }
  }

  private List<WebElement> hitsOf(String patientId, int expected) {
    By hit = By.cssSelector(".hit[data-patient-id='" + patientId + "']");
    wait.until(ExpectedConditions.numberOfElementsToBe(hit, expected));
    return driver.findElements(hit);
  }

  @Test
  void hitsNameTheirFacilityTheFilterKeepsOneAndTheChartNamesIt() {
    driver.get(viewer.url().toString());
    WebElement filter = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("facility-filter")));
    Select select = new Select(filter);
    assertThat(select.getFirstSelectedOption().getText()).isEqualTo("すべての施設");
    assertThat(select.getOptions()).extracting(WebElement::getText).containsExactly("すべての施設",
        "仙台医療センター (" + SENDAI.code() + ")", "石巻赤十字病院 (" + ISHINOMAKI.code() + ")");

    wait.until(ExpectedConditions.elementToBeClickable(By.id("q"))).sendKeys(SHARED_SEARCH);
    List<WebElement> both = hitsOf(SHARED_ID, 2);
    assertThat(both).extracting(h -> h.findElement(By.className("hit-facility")).getText())
        .containsExactlyInAnyOrder("仙台医療センター", "石巻赤十字病院");
    Browser.screenshot(driver, "facility-01-search-all");

    select.selectByValue(ISHINOMAKI.code());
    List<WebElement> one = hitsOf(SHARED_ID, 1);
    assertThat(one.get(0).findElement(By.className("hit-facility")).getText()).isEqualTo("石巻赤十字病院");
    assertThat(driver.findElements(By.className("hit-facility"))).extracting(WebElement::getText)
        .containsOnly("石巻赤十字病院");
    Browser.screenshot(driver, "facility-02-search-one");

    one.get(0).click();
    wait.until(ExpectedConditions.textToBe(By.id("patient-facility"), "石巻赤十字病院"));
    assertThat(driver.findElement(By.id("patient-facility")).isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("patient-id")).getText()).isEqualTo(SHARED_ID);
    assertThat(driver.getCurrentUrl()).endsWith("#/patient/" + ISHINOMAKI.code() + "~" + SHARED_ID);
    Browser.screenshot(driver, "facility-03-chart");
  }
}

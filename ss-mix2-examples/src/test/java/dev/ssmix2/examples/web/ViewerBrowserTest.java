package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Drives the viewer UI in headless Chromium: search as you type, open a chart, read labs, allergies and raw HL7. */
@Tag("browser")
class ViewerBrowserTest {
  @TempDir Path dir;
  private ViewerFixture viewer;
  private ChromeDriver driver;
  private WebDriverWait wait;

  @BeforeEach
  void start() {
    driver = Browser.start(dir.resolve("profile"));
    viewer = ViewerFixture.start(dir);
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
  }

  private void search(String query) {
    WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    box.clear();
    box.sendKeys(query);
  }

  private WebElement hitNamed(String patientId) {
    By hit = By.cssSelector(".hit[data-patient-id='" + patientId + "']");
    return wait.until(ExpectedConditions.elementToBeClickable(hit));
  }

  @Test
  void typingKanaFindsThePatientAndTheChartShowsAllergiesAndAbnormalLabs() {
    driver.get(viewer.url().toString());

    search(ViewerFixture.SEARCH_KANA);
    WebElement hit = hitNamed(ViewerFixture.PATIENT_ID);
    assertThat(hit.findElement(By.className("hit-name")).getText()).isEqualTo(ViewerFixture.PATIENT_NAME);
    assertThat(hit.findElements(By.className("tag"))).extracting(WebElement::getText).contains("読み一致");
    assertThat(hit.findElement(By.className("hit-birth")).getText()).contains("歳");
    Browser.screenshot(driver, "01-search");

    hit.click();
    wait.until(ExpectedConditions.textToBe(By.id("patient-name"), ViewerFixture.PATIENT_NAME));
    WebElement banner = driver.findElement(By.id("allergy-banner"));
    assertThat(banner.getAttribute("class")).isEqualTo("allergy-present");
    assertThat(banner.getText()).contains("アレルギーあり").contains("ペニシリン");
    assertThat(banner.getCssValue("background-color")).isEqualTo("rgba(176, 0, 32, 1)");

    WebElement matrix = driver.findElement(By.id("lab-matrix"));
    assertThat(matrix.findElements(By.cssSelector("thead th.lab-date"))).hasSize(3);
    List<WebElement> abnormal = matrix.findElements(By.cssSelector("td.abnormal"));
    assertThat(abnormal).hasSize(1);
    assertThat(abnormal.get(0).getText()).contains("1.8").contains("H");
    WebElement normal = matrix.findElements(By.cssSelector("td.lab-value:not(.abnormal)")).get(0);
    assertThat(abnormal.get(0).getCssValue("background-color")).isNotEqualTo(normal.getCssValue("background-color"));
    assertThat(driver.findElements(By.cssSelector("#prescriptions tbody tr"))).hasSize(2);
    Browser.screenshot(driver, "02-chart");

    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline tr.record-row"), 1));
    driver.findElement(By.id("show-history")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline tr.status-superseded")));
    assertThat(driver.findElements(By.cssSelector("#timeline tr.status-deleted"))).hasSize(1);

    driver.findElement(By.cssSelector("#timeline tr.status-current")).click();
    wait.until(ExpectedConditions.textMatches(By.id("raw"), java.util.regex.Pattern.compile("^MSH\\|")));
    assertThat(driver.findElement(By.id("raw")).getText()).contains("PID|||P0001");
    Browser.screenshot(driver, "03-raw");

    List<JsonNode> audit = viewer.auditLines();
    assertThat(audit).anySatisfy(line -> {
      assertThat(line.get("action").asText()).isEqualTo("search");
      assertThat(line.get("target").asText()).isEqualTo(ViewerFixture.SEARCH_KANA);
    });
    assertThat(audit).anySatisfy(line -> {
      assertThat(line.get("action").asText()).isEqualTo("view-patient");
      assertThat(line.get("target").asText()).isEqualTo(ViewerFixture.PATIENT_ID);
    });
    assertThat(audit).anySatisfy(line -> assertThat(line.get("action").asText()).isEqualTo("view-raw"));
  }

  @Test
  void markupInANameRendersAsText() {
    driver.get(viewer.url().toString());
    // Any alert() that ran would be recorded here, even if the browser dismissed it.
    driver.executeScript("window.__alerts = 0; window.alert = function () { window.__alerts++; };");

    search(ViewerFixture.MARKUP_SEARCH);
    WebElement hit = hitNamed(ViewerFixture.MARKUP_PATIENT_ID);
    assertThat(hit.findElement(By.className("hit-name")).getText()).isEqualTo(ViewerFixture.MARKUP_NAME);
    hit.click();
    wait.until(ExpectedConditions.textToBe(By.id("patient-id"), ViewerFixture.MARKUP_PATIENT_ID));

    WebElement name = driver.findElement(By.id("patient-name"));
    assertThat(name.getAttribute("textContent")).isEqualTo(ViewerFixture.MARKUP_NAME).contains("<script>");
    assertThat(name.findElements(By.tagName("script"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#patient-address img"))).isEmpty();
    assertThat(driver.executeScript("return window.__alerts;")).isEqualTo(0L);
    assertNoAlert();
    WebElement banner = driver.findElement(By.id("allergy-banner"));
    assertThat(banner.getAttribute("class")).isEqualTo("allergy-unknown");
    assertThat(banner.getText()).contains("アレルギー情報なし").contains("未登録");
    Browser.screenshot(driver, "04-markup-name");
  }

  @Test
  void anUnknownPatientSaysSo() {
    driver.get(viewer.url().resolve("/#/patient/NOPE").toString());

    wait.until(ExpectedConditions.textToBe(By.id("chart-status"), "この患者は見つかりません"));
  }

  private void assertNoAlert() {
    try {
      driver.switchTo().alert();
      throw new AssertionError("an alert was open");
    } catch (NoAlertPresentException expected) {
      // the markup stayed text
    }
  }
}

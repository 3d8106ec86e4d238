package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
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
    assertThat(banner.getText()).contains("アレルギー 登録あり").contains(LabPatientRoot.ALLERGEN).contains("重度");
    assertThat(banner.getCssValue("background-color")).isEqualTo("rgba(176, 0, 32, 1)");

    WebElement matrix = driver.findElement(By.id("lab-matrix"));
    assertThat(matrix.findElements(By.cssSelector("thead th.lab-date"))).extracting(WebElement::getText)
        .as("the lab table's columns: collection times, newest first")
        .containsExactly("2024-03-10 09:00", "2024-02-10 09:00", "2024-01-10 09:00");
    assertThat(matrix.findElement(By.cssSelector("tbody th.lab-name")).getText()).isEqualTo("クレアチニン");
    assertThat(matrix.findElement(By.cssSelector("td.lab-unit")).getText()).isEqualTo("mg/dL");
    assertThat(matrix.findElement(By.cssSelector("td.lab-range")).getText()).isEqualTo("0.40-1.10");
    List<WebElement> abnormal = matrix.findElements(By.cssSelector("td.abnormal"));
    assertThat(abnormal).hasSize(1);
    assertThat(abnormal.get(0).getText()).contains(LabPatientRoot.ABNORMAL_VALUE).contains("H");
    WebElement normal = matrix.findElements(By.cssSelector("td.lab-value:not(.abnormal)")).get(0);
    assertThat(abnormal.get(0).getCssValue("background-color")).isNotEqualTo(normal.getCssValue("background-color"));
    Browser.screenshot(driver, "02-chart");

    List<JsonNode> audit = viewer.auditLines();
    assertThat(audit).anySatisfy(line -> {
      assertThat(line.get("action").asText()).isEqualTo("search");
      assertThat(line.get("target").asText()).isEqualTo(ViewerFixture.SEARCH_KANA);
      assertThat(line.get("client").asText()).isEqualTo("127.0.0.1");
    });
    assertThat(audit).anySatisfy(line -> {
      assertThat(line.get("action").asText()).isEqualTo("view-patient");
      assertThat(line.get("target").asText()).isEqualTo(ViewerFixture.PATIENT_ID);
    });
  }

  @Test
  void onlyCurrentPrescriptionsShowUntilHistoryIsAskedAndRawHl7IsDecoded() {
    driver.get(viewer.url().toString());

    search(ViewerFixture.HISTORY_SEARCH);
    hitNamed(ViewerFixture.HISTORY_PATIENT_ID).click();
    wait.until(ExpectedConditions.textToBe(By.id("patient-id"), ViewerFixture.HISTORY_PATIENT_ID));

    driver.findElement(By.id("meds-all")).click();
    List<WebElement> prescriptions = driver.findElements(By.cssSelector("#prescriptions tbody tr"));
    assertThat(prescriptions).singleElement().satisfies(row -> assertThat(row.getText()).contains("パンスポリン"));
    assertThat(driver.findElement(By.id("prescriptions")).getText()).doesNotContain("ダーゼン")
        .doesNotContain("アレピアチン");
    assertThat(driver.findElements(By.cssSelector("#notes li.note"))).extracting(WebElement::getText)
        .anySatisfy(n -> assertThat(n).contains("_000000000000900_"))
        .anySatisfy(n -> assertThat(n).contains("_000000000000901_"));
    assertThat(driver.findElement(By.id("allergy-banner")).getAttribute("class")).isEqualTo("allergy-unknown");

    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline tr.record-row"), 2));
    driver.findElement(By.id("show-history")).click();
    wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#timeline tr.record-row"), 4));
    assertThat(driver.findElements(By.cssSelector("#timeline tr.status-deleted"))).singleElement()
        .satisfies(row -> assertThat(row.getText()).contains("アレピアチン"));
    Browser.screenshot(driver, "03-history");

    driver.findElement(By.cssSelector("#timeline tr.status-superseded")).click();
    wait.until(ExpectedConditions.textMatches(By.id("raw"), Pattern.compile("^MSH\\|")));
    assertThat(driver.findElement(By.id("raw")).getText()).contains("PID|0001||0000000111^^^^PI||小川^健太")
        .contains("ダーゼン");
    assertThat(driver.findElement(By.id("raw-title")).getText()).contains("ISO-2022-JP").contains("【");
    Browser.screenshot(driver, "04-raw");

    String recordId = driver.findElement(By.cssSelector("#timeline tr.status-superseded"))
        .getAttribute("data-record-id");
    assertThat(viewer.auditLines()).anySatisfy(line -> {
      assertThat(line.get("action").asText()).isEqualTo("view-raw");
      assertThat(line.get("target").asText()).isEqualTo(recordId);
    });
  }

  @Test
  void anAmbiguousLabValueShowsItsRawTextWithAMark() {
    driver.get(viewer.url().toString());

    search("けんさ じろう");
    hitNamed(LabPatientRoot.AMBIGUOUS_PATIENT_ID).click();
    wait.until(ExpectedConditions.textToBe(By.id("patient-name"), "検査　次郎"));
    WebElement cell = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.cssSelector("#lab-matrix td.lab-value.ambiguous")));
    assertThat(cell.getText()).startsWith("⚠" + LabPatientRoot.AMBIGUOUS_RAW);
    assertThat(cell.findElement(By.className("value")).getText()).isEqualTo(LabPatientRoot.AMBIGUOUS_RAW);
    assertThat(cell.findElement(By.className("ambiguous-mark")).getAttribute("title")).contains("曖昧");
    assertThat(cell.findElement(By.className("comment-mark")).getAttribute("title"))
        .contains(LabPatientRoot.LAB_COMMENT);
    assertThat(driver.findElement(By.cssSelector("#lab-matrix tbody th.lab-name")).getText()).isEqualTo("白血球数");
    List<WebElement> vitals = driver.findElements(By.cssSelector("#vitals tbody tr"));
    assertThat(vitals).extracting(WebElement::getText)
        .anySatisfy(t -> assertThat(t).contains("体温", LabPatientRoot.VITAL_TEMPERATURE, "Cel"))
        .anySatisfy(t -> assertThat(t).contains("⚠" + LabPatientRoot.VITAL_AMBIGUOUS));
    Browser.screenshot(driver, "06-ambiguous-lab-and-vitals");
  }

  @Test
  void theNhoSampleChartListsEverySection() {
    driver.get(viewer.url().resolve("/#/patient/" + ViewerFixture.NHO_PATIENT_ID).toString());
    wait.until(ExpectedConditions.textToBe(By.id("patient-id"), ViewerFixture.NHO_PATIENT_ID));

    assertThat(driver.findElement(By.id("allergy-banner")).getText()).contains("アレルギー 登録あり（5件）")
        .contains("ペニシリン").contains("スギ");
    assertThat(driver.findElement(By.id("meds-note")).getText()).as("nothing of 2011 runs today")
        .contains("現在続いている処方・注射はありません");
    driver.findElement(By.id("meds-all")).click();
    assertThat(driver.findElements(By.cssSelector("#prescriptions tbody tr.kind-injection"))).isNotEmpty();
    assertThat(driver.findElement(By.id("prescriptions")).getText()).contains("アレピアチン１０倍散");
    assertThat(driver.findElement(By.id("problems")).getText()).contains("胃炎").contains("K297");
    assertThat(driver.findElements(By.cssSelector("#problems tbody tr td:nth-child(4)"))).as("PRB-14 status")
        .extracting(WebElement::getText).contains("回復せず");
    assertThat(driver.findElements(By.cssSelector("#encounters tbody tr"))).hasSize(3);
    // the admission sends department 01 only; the orders' ORC-17 say 01^内科
    assertThat(driver.findElements(By.cssSelector("#encounters tbody tr td:nth-child(3)")))
        .extracting(WebElement::getText).contains("内科");
    assertThat(driver.findElement(By.id("lab-matrix")).getText()).contains("総蛋白").contains("7.2");
    Browser.screenshot(driver, "05-nho-chart");
  }

  @Test
  void markupInANameRendersAsText() {
    driver.get(viewer.url().toString());
    // Any alert() that ran would be recorded here, even if the browser dismissed it.
    driver.executeScript("window.__alerts = 0; window.alert = function () { window.__alerts++; };");

    search(ViewerFixture.MARKUP_SEARCH);
    WebElement hit = hitNamed(ViewerFixture.MARKUP_PATIENT_ID);
    assertThat(hit.findElements(By.tagName("script"))).isEmpty();
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
    assertThat(banner.getText()).contains("未登録（確認が必要）");
    Browser.screenshot(driver, "06-markup-name");
  }

  @Test
  void anUnknownPatientSaysSo() {
    driver.get(viewer.url().resolve("/#/patient/NOPE").toString());

    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("not-found")));
    assertThat(driver.findElement(By.id("not-found")).getText()).contains("見つかりません").contains("NOPE");
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

package dev.ssmix2.examples.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The login page in headless Chromium: refused with a wrong password, then in, then out again. */
@Tag("browser")
class ViewerLoginBrowserTest {
  @TempDir Path dir;
  private ViewerFixture viewer;
  private ChromeDriver driver;
  private WebDriverWait wait;

  @BeforeEach
  void start() {
    driver = Browser.start(dir.resolve("profile"));
    Path users = dir.resolve("users.txt");
    UserStore.add(users, "nurse01", "correct horse".toCharArray(), PasswordHash.MIN_ITERATIONS);
    viewer = ViewerFixture.start(dir, UserStore.load(users));
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

  private void logIn(String password) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id("user"))).sendKeys("nurse01");
    driver.findElement(By.id("password")).sendKeys(password);
    driver.findElement(By.id("login-submit")).click();
  }

  @Test
  void loginThenSearchThenLogout() {
    driver.get(viewer.url().toString());
    wait.until(ExpectedConditions.urlContains("/login"));

    logIn("wrong");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
    Browser.screenshot(driver, "10-login-refused");

    logIn("correct horse");
    wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
    Cookie session = driver.manage().getCookieNamed(ViewerHandler.SESSION_COOKIE);
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Strict");
    wait.until(ExpectedConditions.textToBe(By.id("session-user"), "利用者: nurse01"));

    driver.findElement(By.cssSelector("#logout-form button")).click();
    wait.until(ExpectedConditions.urlContains("/login"));
    driver.get(viewer.url().toString());
    wait.until(ExpectedConditions.urlContains("/login"));
  }
}

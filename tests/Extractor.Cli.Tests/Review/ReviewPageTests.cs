using Microsoft.Playwright;

namespace Extractor.Cli.Tests.Review;

/// <summary>
/// The review page in a real browser (Debian's chromium driven by Playwright; no browser is downloaded), on a store of
/// its own built by `extractor import`: a reviewer finds a flagged value, sees where it was printed, corrects it, and
/// the correction is kept and seen by `extractor query`.
/// </summary>
public sealed class ReviewPageTests : IDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Where the run leaves a screenshot of the page when asked (scripts/review-screenshot.sh makes docs/review-page.png).</summary>
    private static readonly string? ScreenshotPath = Environment.GetEnvironmentVariable("EXTRACTOR_REVIEW_SCREENSHOT");

    private readonly ReviewStore _store = new();

    [Fact]
    public async Task A_reviewer_corrects_a_flagged_value_beside_its_image_and_the_correction_is_kept()
    {
        File.Exists(Chromium).ShouldBeTrue($"{Chromium} is installed by scripts/setup.sh");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 900 }, Locale = "zh-CN" });
        await page.GotoAsync(_store.Address.ToString());

        // The forms with checks come first; narrowed to one check code, the text PDF's form 4 leads the list.
        await page.FillAsync("#reviewer", "审计员 王");
        await page.SelectOptionAsync("#filter-code", "score-exceeds-weight");
        await page.Locator("#forms li").First.ClickAsync();
        await page.Locator("section h2").Filter(new LocatorFilterOptions { HasText = "青溪县中小学校舍维修改造" }).WaitForAsync();

        // The flag sits beside its field; "n" walks the flagged fields until the score over its weight.
        var row = page.Locator("tr[data-field='indicators[3].score']");
        (await row.Locator("td.flags").InnerTextAsync()).ShouldContain("score-exceeds-weight");
        for (var i = 0; i < 40 && !await row.EvaluateAsync<bool>("r => r.classList.contains('current')"); i++)
            await page.Keyboard.PressAsync("n");
        (await row.GetAttributeAsync("class"))!.ShouldContain("current");

        // Its image: the page area it was read from, drawn by the server.
        var image = page.Locator("#image");
        await page.WaitForFunctionAsync("() => { const i = document.getElementById('image'); return i.complete && i.naturalWidth > 0; }");
        (await image.GetAttributeAsync("src"))!.ShouldContain("field=indicators%5B3%5D.score");
        (await page.Locator("#editor").IsHiddenAsync()).ShouldBeTrue();

        // Correct it from the keyboard: e, the value, a note, Enter. The checks are recomputed at once.
        await page.Keyboard.PressAsync("e");
        await page.FillAsync("#edit-value", "10");
        await page.FillAsync("#edit-note", "printed 12 over a weight of 10; the score sheet says 10");
        await page.FocusAsync("#edit-value");
        if (ScreenshotPath is not null) await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath });
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("tr[data-field='indicators[3].score'] td.flags").Filter(new LocatorFilterOptions { HasText = "corrected" }).WaitForAsync();
        (await page.Locator("ul.checks").InnerTextAsync()).ShouldNotContain("indicators[3].score:");

        // Reloaded, the page finds the correction kept.
        await page.ReloadAsync();
        await page.Locator("#forms li").Filter(new LocatorFilterOptions { HasText = "1 corrected" }).First.ClickAsync();
        (await page.Locator("tr[data-field='indicators[3].score'] td.value").InnerTextAsync()).ShouldBe("10");
        (await page.Locator("section .source").InnerTextAsync()).ShouldContain("1 corrections");

        var query = CliRun.Run("query", "SELECT field, from_value, to_value, \"by\" FROM corrections", "--format", "csv", "--data", _store.Data);
        query.ExitCode.ShouldBe(0, query.Err);
        query.Out.ShouldContain("indicators[3].score,12,10,审计员 王");
    }

    public void Dispose() => _store.Dispose();
}

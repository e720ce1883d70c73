using System.Net;
using System.Net.Http.Headers;

namespace Extractor.Cli.Tests.Review;

/// <summary>Who may reach the review server: loopback by default; beyond it, only requests carrying the token.</summary>
[Collection("review store")]
public class ReviewSecurityTests(ReviewStore store)
{
    private const string Token = "a-token-for-this-test-0123456789";

    [Fact]
    public void Review_refuses_to_listen_beyond_loopback_without_a_token()
    {
        var result = CliRun.Run("review", "--host", "0.0.0.0", "--port", "0", "--data", store.Data);
        result.ExitCode.ShouldBe(2);
        result.Err.ShouldContain("--host 0.0.0.0 is reachable from other machines: give --token TOKEN");
    }

    [Fact]
    public async Task Beyond_loopback_every_request_needs_the_token()
    {
        var (server, address) = ReviewStore.Start("review", "--host", "0.0.0.0", "--port", "0", "--token", Token, "--data", store.Data);
        try
        {
            // Sent to this machine's loopback address, the bind's port.
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{address.Port}") };
            (await http.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            (await http.GetAsync("/api/forms")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
            using var wrong = new HttpRequestMessage(HttpMethod.Get, "/api/forms") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token + "x") } };
            (await http.SendAsync(wrong)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

            using var right = new HttpRequestMessage(HttpMethod.Get, "/api/forms") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } };
            (await http.SendAsync(right)).StatusCode.ShouldBe(HttpStatusCode.OK);

            // A browser opens /?token=… once: it is given a cookie and sent back to the page without the token in the address.
            using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = http.BaseAddress };
            var login = await browser.GetAsync($"/?token={Token}");
            login.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            login.Headers.Location!.ToString().ShouldBe("/");
            (await browser.GetAsync("/api/forms")).StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        finally
        {
            ReviewStore.Stop(server);
        }
    }

    [Fact]
    public async Task The_page_is_served_from_the_program_itself()
    {
        var page = await store.Http.GetStringAsync("/");
        page.ShouldContain("<script src=\"app.js\" defer></script>");
        (await store.Http.GetStringAsync("/app.js")).ShouldContain("/api/forms");
        (await store.Http.GetAsync("/../../etc/passwd")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}

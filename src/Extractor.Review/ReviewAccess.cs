using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Extractor.Review;

/// <summary>
/// The token guard of a bind beyond loopback: every request must carry the token, as `Authorization: Bearer TOKEN`
/// (scripts), or as the cookie a browser is given when it first opens `/?token=TOKEN` (the token then leaves the
/// address bar: the answer is a redirect). Anything else is answered 401.
/// </summary>
internal static class ReviewAccess
{
    public const string CookieName = "extractor_review";

    public static async Task Guard(HttpContext context, RequestDelegate next, string token)
    {
        var request = context.Request;
        if (request.Query.TryGetValue("token", out var query) && Same(query.ToString(), token))
        {
            context.Response.Cookies.Append(CookieName, token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/" });
            context.Response.Redirect(request.PathBase + request.Path);
            return;
        }
        var header = request.Headers.Authorization.ToString();
        var carried = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..].Trim()
            : request.Cookies.TryGetValue(CookieName, out var cookie) ? cookie : null;
        if (carried is not null && Same(carried, token))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await context.Response.WriteAsJsonAsync(new { error = "this review server needs its token: Authorization: Bearer TOKEN, or open /?token=TOKEN once" });
    }

    /// <summary>Compared in constant time, so the answer's timing tells nothing of the token.</summary>
    private static bool Same(string given, string token) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}

using System.Text.Json;
using Extractor.Output;
using Extractor.Store.Query;
using Extractor.Store.Review;
using Extractor.Validation;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Extractor.Review;

/// <summary>
/// `extractor review`: the review page and its JSON interface (CONTRACT.md "Review") over one data folder's store,
/// on Kestrel (minimal API). Thin: the store answers the list (<see cref="FormStore"/>), <see cref="FormCorrections"/>
/// the documents and corrections, <see cref="FieldImages"/> the pictures.
/// </summary>
public static class ReviewServer
{
    /// <summary>Largest request body accepted (a correction is a few hundred bytes).</summary>
    private const long MaxBody = 64 * 1024;

    /// <summary>The interface's own JSON (the list, requests, errors): camelCase in, as given out, CJK unescaped.</summary>
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static WebApplication Build(ReviewSettings settings, Action<ILoggingBuilder>? logging = null)
    {
        settings.Validate();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = settings.Data.Root });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(settings.Address(), settings.Port);
            kestrel.Limits.MaxRequestBodySize = MaxBody;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Limits.MaxRequestLineSize = 8 * 1024;
            kestrel.AddServerHeader = false;
        });
        var ledger = new Store.Ledger.Ledger(settings.Data.LedgerPath);
        var corrections = new FormCorrections(settings.Data, ledger, FormValidator.Default(settings.LowConfidenceThreshold));
        var images = new FieldImages(ledger);

        var app = builder.Build();
        if (!string.IsNullOrEmpty(settings.Token))
            app.Use((context, next) => ReviewAccess.Guard(context, _ => next(), settings.Token));
        app.Use(async (context, next) =>
        {
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.XFrameOptions = "DENY";
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'";
            context.Response.Headers.CacheControl = "no-store";
            await next(context);
        });

        app.MapGet("/", () => PageAsset.Result("index.html"));
        app.MapGet("/app.js", () => PageAsset.Result("app.js"));
        app.MapGet("/app.css", () => PageAsset.Result("app.css"));
        app.MapGet("/api/forms", () => Results.Json(FormList.Of(settings.Data), Json));
        app.MapGet("/api/forms/{formId}", (string formId) =>
            corrections.Load(formId) is { } form ? Document(form) : UnknownForm(formId));
        app.MapGet("/api/forms/{formId}/image", (string formId, string? field) =>
        {
            if (corrections.Load(formId) is not { } form) return UnknownForm(formId);
            if (string.IsNullOrEmpty(field)) return Results.BadRequest(new { error = "say which value: ?field=PATH (as checks name fields)" });
            if (FormFields.Find(form, field) is null) return Results.BadRequest(new { error = $"the form has no field \"{field}\"" });
            try
            {
                return Results.File(images.Png(form, field), "image/png");
            }
            catch (FieldImageException e)
            {
                return Results.NotFound(new { error = e.Message });
            }
        });
        app.MapPost("/api/forms/{formId}/corrections", async (string formId, HttpRequest request) =>
        {
            CorrectionRequest? body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<CorrectionRequest>(request.Body, Json);
            }
            catch (JsonException e)
            {
                return Results.BadRequest(new { error = $"the body is no correction in JSON ({e.Message})" });
            }
            if (body is null) return Results.BadRequest(new { error = "the body is empty: send { \"field\", \"to\", \"by\", \"note\" }" });
            try
            {
                return corrections.Apply(formId, body) is { } form ? Document(form) : UnknownForm(formId);
            }
            catch (CorrectionRejectedException e)
            {
                return Results.BadRequest(new { error = e.Message });
            }
        });
        return app;
    }

    private static IResult Document(EvaluationForm form) => Results.Text(FormJson.Serialize(form), "application/json; charset=utf-8");

    private static IResult UnknownForm(string formId) => Results.NotFound(new { error = $"no form \"{formId}\" in the store" });
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Extractor.Cli.Tests.Review;

/// <summary>The review server's JSON interface (CONTRACT.md "Review") on a store built by `extractor import`.</summary>
[Collection("review store")]
public class ReviewApiTests(ReviewStore store)
{
    private async Task<JsonNode> Json(string path)
    {
        var response = await store.Http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private Task<HttpResponseMessage> Correct(string formId, object body) =>
        store.Http.PostAsJsonAsync($"/api/forms/{Uri.EscapeDataString(formId)}/corrections", body);

    [Fact]
    public async Task The_form_list_holds_every_form_of_the_store_worst_first()
    {
        var forms = (await Json("/api/forms")).AsArray();
        forms.Count.ShouldBe(Directory.GetFiles(Path.Combine(store.Data, "outbox"), "*.json").Length);
        var first = forms[0]!;
        first["project_name"]!.GetValue<string>().ShouldBe("青溪县中小学校舍维修改造"); // variants form 4: an unreadable #REF! and five sum checks
        first["error_count"]!.GetValue<int>().ShouldBe(1);
        first["check_codes"]!.AsArray().Select(c => c!.GetValue<string>()).ShouldContain("unreadable-value");
        foreach (var key in new[] { "form_id", "project_name", "year", "department", "total_score", "check_count", "correction_count" })
            first.AsObject().ContainsKey(key).ShouldBeTrue(key);
        var checks = forms.Select(f => f!["check_count"]!.GetValue<long>()).ToList();
        checks.Where((c, i) => i > 0 && forms[i]!["error_count"]!.GetValue<long>() == forms[i - 1]!["error_count"]!.GetValue<long>() && c > checks[i - 1]).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_form_is_served_as_its_outbox_document()
    {
        var id = store.FormId("seed.chromium", 1);
        var form = await Json($"/api/forms/{id}");
        form["projectName"]!.GetValue<string>().ShouldBe("上海绿化和市容管理局“一网通办”政务服务管理系统");
        form["trace"]!["projectName"]!["page"]!.GetValue<int>().ShouldBe(1);
    }

    [Fact]
    public async Task The_image_of_a_value_is_a_png_of_the_page_area_it_was_read_from()
    {
        var id = store.FormId("seed.chromium", 2);
        var response = await store.Http.GetAsync($"/api/forms/{id}/image?field=goals.achieved");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        var png = await response.Content.ReadAsByteArrayAsync();
        png[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        // An area of the page, not the page: a letter page at 150 dpi is 1275 × 1650 pixels.
        var (width, height) = (Int(png, 16), Int(png, 20));
        (width <= 1275 && height < 1650 / 4).ShouldBeTrue($"{width} × {height}");
    }

    [Fact]
    public async Task A_value_of_a_text_input_has_no_image_and_says_why()
    {
        var id = store.FormId("variants", 1);
        var response = await store.Http.GetAsync($"/api/forms/{id}/image?field=projectName");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("html input, which has no pages");
    }

    [Fact]
    public async Task A_correction_replaces_the_value_keeps_what_was_read_and_recomputes_the_checks()
    {
        var id = store.FormId("variants.chromium", 4);
        var before = JsonNode.Parse(store.Document(id))!;
        before["checks"]!.AsArray().Select(c => $"{c!["code"]}@{c["field"]}").ShouldContain("score-exceeds-weight@indicators[3].score");

        var response = await Correct(id, new { field = "indicators[3].score", to = 10, by = "审计员 王", note = "printed 12, over its weight of 10" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var after = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        after["indicators"]![3]!["score"]!.GetValue<decimal>().ShouldBe(10);
        var correction = after["corrections"]!.AsArray().Single()!;
        correction["from"]!.GetValue<decimal>().ShouldBe(12);
        correction["to"]!.GetValue<decimal>().ShouldBe(10);
        correction["by"]!.GetValue<string>().ShouldBe("审计员 王");
        after["checks"]!.AsArray().Select(c => $"{c!["code"]}@{c["field"]}").ShouldNotContain("score-exceeds-weight@indicators[3].score");
        JsonNode.DeepEquals(JsonNode.Parse(store.Document(id)), after).ShouldBeTrue("the outbox document is the one answered");

        // A second correction of the field starts from the first one's value.
        var again = JsonNode.Parse(await (await Correct(id, new { field = "indicators[3].score", to = 9.5, by = "审计员 李", note = (string?)null })).Content.ReadAsStringAsync())!;
        again["corrections"]![1]!["from"]!.GetValue<decimal>().ShouldBe(10);
        Directory.GetFiles(Path.Combine(store.Data, "outbox"), "*.tmp").ShouldBeEmpty("no temporary file is left");
    }

    [Fact]
    public async Task A_correction_is_seen_by_query_through_the_corrections_view_and_correction_count()
    {
        var id = store.FormId("seed.chromium", 3);
        CliRun.Run("query", "SELECT count(*) FROM forms", "--data", store.Data).ExitCode.ShouldBe(0); // the cache is written
        (await Correct(id, new { field = "projectName", to = "上海市绿化市容综合服务信息平台（运维）", by = "auditor", note = "brackets as printed" })).EnsureSuccessStatusCode();

        var corrections = CliRun.Run("query", $"SELECT field, from_value, to_value, \"by\", note FROM corrections WHERE form_id = '{id}'", "--format", "csv", "--data", store.Data);
        corrections.ExitCode.ShouldBe(0, corrections.Err);
        corrections.Out.ShouldContain("projectName,上海市绿化市容综合服务信息平台(运维),上海市绿化市容综合服务信息平台（运维）,auditor,brackets as printed");
        var forms = CliRun.Run("query", $"SELECT project_name, correction_count FROM forms WHERE form_id = '{id}'", "--format", "csv", "--data", store.Data);
        forms.Out.ShouldContain("上海市绿化市容综合服务信息平台（运维）,1");
    }

    [Fact]
    public async Task A_reimport_of_the_same_original_never_undoes_a_correction()
    {
        var id = store.FormId("seed.chromium", 4);
        (await Correct(id, new { field = "totalScore", to = 97, by = "auditor", note = "re-added" })).EnsureSuccessStatusCode();
        var import = CliRun.Run("import", store.Originals, "--data", store.Data);
        import.ExitCode.ShouldBe(0, import.Err);
        import.Out.ShouldContain($"0 forms, {ReviewStore.Inputs.Length} already imported");
        var document = JsonNode.Parse(store.Document(id))!;
        document["totalScore"]!.GetValue<decimal>().ShouldBe(97);
        document["corrections"]!.AsArray().Count.ShouldBe(1);
    }

    [Fact]
    public async Task Corrections_of_an_unknown_field_or_of_the_wrong_type_are_refused_with_the_reason()
    {
        var id = store.FormId("seed.chromium", 5);
        var unknown = await Correct(id, new { field = "indicators[99].score", to = 1, by = "auditor" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadAsStringAsync()).ShouldContain("no field \\\"indicators[99].score\\\"");
        var wrongType = await Correct(id, new { field = "totalScore", to = "ninety", by = "auditor" });
        wrongType.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await wrongType.Content.ReadAsStringAsync()).ShouldContain("totalScore takes a number");
        var huge = await store.Http.PostAsync($"/api/forms/{id}/corrections",
            new StringContent("{\"field\":\"totalScore\",\"to\":1e400,\"by\":\"auditor\"}", System.Text.Encoding.UTF8, "application/json"));
        huge.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await Correct(id, new { field = "projectName", to = 12, by = "auditor" });
        text.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var nobody = await Correct(id, new { field = "totalScore", to = 90 });
        nobody.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await nobody.Content.ReadAsStringAsync()).ShouldContain("\\\"by\\\" is required");
        JsonNode.Parse(store.Document(id))!["corrections"]!.AsArray().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("/api/forms/no-such-form")]
    [InlineData("/api/forms/..%2Fstate%2Fledger")]
    [InlineData("/api/forms/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd")]
    [InlineData("/api/forms/.seed/image?field=title")]
    public async Task A_form_id_that_names_no_document_of_the_store_is_not_found(string path)
    {
        var response = await store.Http.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var post = await store.Http.PostAsJsonAsync(path.Split('?')[0].Replace("/image", "") + "/corrections", new { field = "title", to = "x", by = "auditor" });
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_request_body_over_the_limit_is_refused()
    {
        var id = store.FormId("seed.chromium", 6);
        var response = await Correct(id, new { field = "goals.planned", to = new string('字', 40_000), by = "auditor" });
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        JsonNode.Parse(store.Document(id))!["corrections"]!.AsArray().ShouldBeEmpty();
    }

    private static int Int(byte[] png, int at) => png[at] << 24 | png[at + 1] << 16 | png[at + 2] << 8 | png[at + 3];
}

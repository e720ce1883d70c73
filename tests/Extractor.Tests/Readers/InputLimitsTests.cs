using System.Diagnostics;
using Extractor.Readers;
using Extractor.Tests.Shared;

namespace Extractor.Tests.Readers;

/// <summary>Each limit of "Extractor:Limits" ends a hostile file in a clean refusal naming the limit, fast and in little memory.</summary>
public class InputLimitsTests
{
    private static InputRejectedException Refusal(string name, byte[] bytes, InputLimits? limits = null)
    {
        var options = new PipelineOptions { Limits = limits ?? new InputLimits() };
        using var pipeline = new ExtractionPipeline(options);
        return Should.Throw<InputRejectedException>(() => pipeline.Extract(InputFile.FromBytes(name, bytes)));
    }

    [Fact]
    public void A_pdf_stream_that_inflates_past_the_limit_is_refused_as_a_decompression_bomb()
    {
        var bomb = HostileFiles.FlateBomb(64L * 1024 * 1024);
        bomb.Length.ShouldBeLessThan(1024 * 1024);
        var clock = Stopwatch.StartNew();
        var e = Refusal("bomb.pdf", bomb, new InputLimits { MaxInflatedBytes = 16L * 1024 * 1024 });
        e.Reason.ShouldContain("MaxInflatedBytes");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_pdf_of_more_pages_than_the_limit_is_refused_before_a_page_is_read()
    {
        Refusal("flood.pdf", HostileFiles.BlankPages(50), new InputLimits { MaxPages = 40 }).Reason.ShouldContain("50 pages");
    }

    [Fact]
    public void Blank_pdf_pages_are_passed_over_without_ocr()
    {
        var clock = Stopwatch.StartNew();
        Refusal("blank.pdf", HostileFiles.BlankPages(300)).Reason.ShouldContain("no 项目支出绩效自评表");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void An_image_declared_larger_than_the_pixel_limit_is_refused_before_it_is_decoded()
    {
        Refusal("huge-image.pdf", HostileFiles.ImageBomb(8000, 8000)).Reason.ShouldContain("MaxPixels");
    }

    [Fact]
    public void Html_nested_deeper_than_the_limit_is_refused_in_linear_time()
    {
        var clock = Stopwatch.StartNew();
        Refusal("deep.html", HostileFiles.NestedDivs(100_000)).Reason.ShouldContain("MaxHtmlDepth");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void A_text_line_longer_than_the_limit_is_refused()
    {
        Refusal("line.txt", HostileFiles.OneLine(1_500_000)).Reason.ShouldContain("MaxLineCharacters");
    }

    [Fact]
    public void Html_and_text_over_the_size_limit_are_refused_before_they_are_decoded()
    {
        Refusal("big.html", HostileFiles.NestedDivs(3000), new InputLimits { MaxTextBytes = 4096 }).Reason.ShouldContain("MaxTextBytes");
    }

    [Fact]
    public void The_excel_style_fixture_html_is_far_inside_the_depth_limit()
    {
        var html = File.ReadAllText(Path.Combine(Repo.Fixtures, "seed", "seed.html"));
        Extractor.Readers.Html.MarkupDepth.Of(html, 256).ShouldBeLessThan(16);
    }
}

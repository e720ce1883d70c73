using Extractor.Readers.Ocr;
using Extractor.Readers.Ocr.Native;
using Extractor.Readers.Ocr.Paddle;

namespace Extractor.Tests.Readers;

/// <summary>PP-OCRv4 recognition with the real ONNX Runtime and the real model that scripts/setup.sh installs.</summary>
public class PaddleRecognitionTests
{
    private static readonly Lazy<PaddleRecognizer> Recognizer = new(() => new PaddleRecognizer(Repo.Options().Ocr.ModelsPath(Repo.Root)));

    private static RecognisedLine Read(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Repo.Fixtures, "ocr-lines", name + ".png"));
        using var pix = ScanImage.Decode(bytes, 0, 80_000_000);
        using var grey = Leptonica.pixConvertTo8(pix, 0).OrThrow("convert the line to grey");
        return Recognizer.Value.Recognise([LineImage.Cut(grey, new PixelRect(0, 0, grey.Width, grey.Height))]).Single();
    }

    /// <summary>The characters read, without the space the model may read in the blank margin after them.</summary>
    private static string Text(string name) => Read(name).Text.Trim();

    [Fact]
    public void A_line_is_read_with_a_probability_for_every_character()
    {
        var line = Read("label");
        line.Text.Trim().ShouldBe("项目资金（万元）");
        line.Characters.Where(c => c.Text != " ").ShouldAllBe(c => c.Probability > 0.5 && c.Probability <= 1);
        line.Confidence.ShouldBe(line.Characters.Min(c => c.Probability));
    }

    [Fact]
    public void A_comparison_sign_and_a_small_mark_are_read_as_printed()
    {
        Text("ge").ShouldBe("≥95%");
        Text("equals-one").ShouldBe("=1");
    }

    /// <summary>
    /// The character list has no ≧ (some templates print it for ≥) and no box-drawing ═: ≧ is read as ≥, the
    /// same sign; ═, a rule and no sign of the form, is read as nothing, the text after it as printed.
    /// </summary>
    [Fact]
    public void Signs_the_character_list_lacks_are_read_as_the_same_sign_or_left_out()
    {
        var keys = Recognizer.Value.Characters;
        keys.ShouldNotContain("≧");
        keys.ShouldNotContain("═");
        Text("geqq").ShouldBe("≥95%");
        Text("double-bar").ShouldBe("100%");
    }

    [Fact]
    public void Lines_of_different_widths_read_in_one_batch_read_as_they_do_alone()
    {
        string[] names = ["label", "ge", "equals-one", "geqq", "double-bar", "label", "ge"];
        var images = names.Select(n =>
        {
            using var pix = ScanImage.Decode(File.ReadAllBytes(Path.Combine(Repo.Fixtures, "ocr-lines", n + ".png")), 0, 80_000_000);
            using var grey = Leptonica.pixConvertTo8(pix, 0).OrThrow("convert the line to grey");
            return LineImage.Cut(grey, new PixelRect(0, 0, grey.Width, grey.Height));
        }).ToList();
        Recognizer.Value.Recognise(images).Select(l => l.Text).ShouldBe(names.Select(n => Read(n).Text));
    }

    [Fact]
    public void Greedy_CTC_decoding_collapses_repeats_keeps_doubled_characters_apart_by_a_blank_and_reads_the_last_class_as_a_space()
    {
        string[] characters = ["一", "二"];
        // Steps: 一 一 blank 一 space 二 (classes: 0 blank, 1 一, 2 二, 3 space).
        float[][] steps =
        [
            [0.1f, 0.8f, 0.05f, 0.05f],
            [0.05f, 0.9f, 0.03f, 0.02f],
            [0.9f, 0.05f, 0.03f, 0.02f],
            [0.2f, 0.7f, 0.05f, 0.05f],
            [0.1f, 0.1f, 0.1f, 0.7f],
            [0.3f, 0.1f, 0.6f, 0.0f],
        ];
        var decoded = CtcDecoding.Decode(steps.SelectMany(s => s).ToArray(), steps.Length, characters);
        string.Concat(decoded.Select(c => c.Text)).ShouldBe("一一 二");
        decoded[0].Probability.ShouldBe(0.9f);
        (decoded[0].FirstStep, decoded[0].LastStep).ShouldBe((0, 1));
        decoded[3].Probability.ShouldBe(0.6f);
    }

    [Fact]
    public void Missing_model_files_are_named_with_their_folder_and_the_setup_command()
    {
        var empty = Directory.CreateTempSubdirectory("extractor-models-").FullName;
        try
        {
            var options = new OcrOptions { ModelsFolder = empty };
            var error = options.Validate(Repo.Root).ShouldHaveSingleItem();
            error.ShouldContain(empty);
            error.ShouldContain(PaddleModels.Recognition);
            error.ShouldContain("scripts/setup.sh");
            Should.Throw<InvalidOperationException>(() => new PaddleRecognizer(empty)).Message.ShouldContain(empty);
            new OcrOptions { ModelsFolder = empty, Engine = RecognitionEngine.Tesseract }.Validate(Repo.Root).ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}

using Extractor.Grid;
using Extractor.Readers;
using Extractor.Readers.Ocr;
using Extractor.Readers.Ocr.Paddle;
using UglyToad.PdfPig;

namespace Extractor.Tests.Readers;

/// <summary>The OCR readers on the real scan fixtures and on damaged or hostile inputs, with the real Tesseract.</summary>
public class OcrReaderTests
{
    private static Lazy<OcrReaders> Ocr => Repo.Ocr;
    private static readonly string Tiff = Path.Combine(Repo.Fixtures, "variants", "variants.scan300-bw.tif");
    private static readonly string ScanPdf = Path.Combine(Repo.Fixtures, "seed", "seed.scan300.pdf");

    private static readonly Lazy<GridDocument> TiffPages = new(() => Ocr.Value.Images.Read(InputFile.Load(Tiff), CancellationToken.None));

    [Fact]
    public void Every_page_of_a_multi_page_TIFF_becomes_a_grid_page_read_by_image_OCR()
    {
        var pages = TiffPages.Value.Pages;
        pages.Select(p => p.Number).ShouldBe([1, 2, 3]);
        pages.ShouldAllBe(p => p.Method == ReadMethod.ImageOcr);
    }

    [Fact]
    public void Ruled_cells_come_with_their_pixel_box_and_merged_labels_as_spans()
    {
        var first = TiffPages.Value.Pages[0];
        var funds = first.Cells.Single(c => c.Text == "项目资金(万元)");
        funds.RowSpan.ShouldBe(5);
        funds.Box.ShouldNotBeNull();
        var total = first.Cells.Single(c => c.Text == "年度资金总额");
        total.Box!.Value.Left.ShouldBeGreaterThanOrEqualTo(funds.Box!.Value.Right - 2);
        first.Cells.Single(c => c.Text == "青溪县农村生活垃圾收运处置服务项目").Confidence.ShouldBeInRange(0.5, 1.0);
    }

    /// <summary>fixtures/tight-leading: 项目名 / 称 and 绩效指 / 标 wrap in narrow cells, their lines a few pixels apart.</summary>
    [Fact]
    public void A_label_wrapped_with_almost_no_leading_is_read_line_by_line()
    {
        using var pipeline = Repo.Pipeline();
        var page = pipeline.ReadGrid(InputFile.Load(Path.Combine(Repo.Fixtures, "tight-leading", "case-0000019.scan300.pdf"))).Grid.Pages[0];
        var texts = page.Cells.Select(c => c.Text).ToList();
        texts.ShouldContain("项目名称");
        texts.ShouldContain("其中：当年财政拨款");
        texts.ShouldContain("绩效指标");
        texts.ShouldContain("偏差原因分析及改进措施");
    }

    [Fact]
    public void Text_above_the_table_becomes_a_row_spanning_it()
    {
        var second = TiffPages.Value.Pages[1];
        var title = second.Cells.Single(c => c.Text == "2022年度项目支出绩效自评表" || c.Text == "2022 年度项目支出绩效自评表");
        title.ColumnSpan.ShouldBe(second.ColumnCount);
    }

    [Fact]
    public void A_borderless_scan_falls_back_to_the_stream_finder_over_its_text_and_keeps_its_columns()
    {
        // Page 1 of the borderless Chromium print, rasterised at 300 dpi: no ruling line to find.
        var png = Extractor.Readers.Pdf.PageRaster.Png(File.ReadAllBytes(Path.Combine(Repo.Fixtures, "seed", "seed.borderless.pdf")), 1, 300, grey: true);
        var page = Ocr.Value.Images.Read(InputFile.FromBytes("borderless.png", png), CancellationToken.None).Pages[0];

        page.Rulings.ShouldBeEmpty();
        page.ColumnCount.ShouldBeGreaterThanOrEqualTo(6);
        var rows = page.Rows();
        var name = rows.Single(r => r.TextAt(0) == "项目名称");
        name.FilledColumns().Skip(1).Select(name.TextAt).ShouldContain("上海绿化和市容管理局“一网通办”政务服务管理系统");
        var header = rows.Single(r => r.FilledColumns().Select(r.TextAt).Contains("年初预算数"));
        string.Join("|", header.FilledColumns().Select(header.TextAt)).ShouldContain("年初预算数|全年预算数|全年执行数|分值|执行率|得分");
        page.Cells.Where(c => c.Text is not null).ShouldAllBe(c => c.Box != null && c.Confidence > 0);
    }

    [Fact]
    public void A_percentage_is_read_with_its_percent_sign_not_as_digits()
    {
        var first = TiffPages.Value.Pages[0];
        first.Cells.ShouldContain(c => c.Text == "95.60%");
        first.Cells.ShouldContain(c => c.Text == "92%");
    }

    [Fact]
    public void A_scanned_PDF_page_is_read_from_its_embedded_image()
    {
        var file = InputFile.Load(ScanPdf);
        using var document = PdfDocument.Open(file.Bytes);
        var page = Ocr.Value.Pages.Read(file, document.GetPage(1), CancellationToken.None);
        page.Method.ShouldBe(ReadMethod.PdfOcr);
        page.Number.ShouldBe(1);
        page.Cells.ShouldContain(c => c.Text == "上海市绿化和市容管理信息中心");
        page.Cells.ShouldContain(c => c.Text == "857515.00");
    }

    [Theory]
    [InlineData("page1.jpg")]
    [InlineData("page1.png")]
    public void A_page_scanned_to_JPEG_or_PNG_is_read_by_image_OCR(string name)
    {
        var bytes = name.EndsWith(".png") ? Extractor.Readers.Pdf.PageRaster.Png(File.ReadAllBytes(ScanPdf), 1, 300, grey: true) : EmbeddedJpeg();
        var page = Ocr.Value.Images.Read(InputFile.FromBytes(name, bytes), CancellationToken.None).Pages.Single();
        page.Method.ShouldBe(ReadMethod.ImageOcr);
        page.Cells.ShouldContain(c => c.Text == "上海市绿化和市容管理信息中心");
        page.Cells.ShouldContain(c => c.Text == "857515.00");
    }

    [Fact]
    public void A_line_the_small_model_is_unsure_of_is_read_again_with_the_Han_model()
    {
        // Page 4 of the clean scan: chi_sim alone reads "数据性能优化" as "数据|生能优化" with a word it gives no confidence.
        var options = Repo.Options();
        options.Ocr.Engine = RecognitionEngine.Tesseract;
        options.Ocr.SecondReadingLanguages = "";
        using var chiSimOnly = OcrReaders.Create(options);
        var file = InputFile.Load(ScanPdf);
        using var document = PdfDocument.Open(file.Bytes);
        string Text(OcrReaders ocr) => string.Concat(ocr.Pages.Read(file, document.GetPage(4), CancellationToken.None).Cells.Select(c => c.Text));

        Text(chiSimOnly).ShouldNotContain("数据性能优化");
        Text(Ocr.Value).ShouldContain("数据性能优化");
    }

    [Fact]
    public void Tesseract_alone_reads_a_scan_when_pipeline_json_chooses_it()
    {
        var options = Repo.Options();
        options.Ocr.Engine = RecognitionEngine.Tesseract;
        using var tesseract = OcrReaders.Create(options);
        var page = tesseract.Images.Read(InputFile.Load(Tiff), CancellationToken.None).Pages[0];
        page.Cells.ShouldContain(c => c.Text == "95.60%");
        page.Cells.ShouldContain(c => c.Text == "年度资金总额");
    }

    [Fact]
    public void Two_engines_that_agree_make_a_reading_sure_and_two_that_differ_flag_it()
    {
        var box = new PixelRect(0, 0, 100, 40);
        var agreed = CellReader.CrossCheck(new CellReading("数量（个）", 0.6, box), new CellReading("数量 (个)", 0.7, box));
        agreed.Text.ShouldBe("数量（个）");
        agreed.Confidence.ShouldBe(1 - 0.4 * 0.3, 1e-9);

        var differ = CellReader.CrossCheck(new CellReading("≥90%", 0.93, box), new CellReading("290%", 0.6, box));
        differ.Text.ShouldBe("≥90%");
        differ.Confidence.ShouldBeLessThanOrEqualTo(CellReader.Disagreed);

        // PP-OCR unsure of a lone sign it misreads, Tesseract surer: Tesseract's reading is kept, still flagged.
        var lone = CellReader.CrossCheck(new CellReading("2", 0.33, box), new CellReading("≥", 0.8, box));
        lone.Text.ShouldBe("≥");
        lone.Confidence.ShouldBeLessThanOrEqualTo(CellReader.Disagreed);
    }

    [Fact]
    public void A_digit_read_in_its_full_width_form_is_the_ascii_digit_numbers_are_printed_with()
    {
        // PP-OCR's character list has both forms; read padded narrower, a lone "1" of an indicator came back as "１".
        var symbols = new[] { "=", "１", "０", "0", "%" }.Select((t, i) => new OcrSymbol(t, new PixelRect(10 + 20 * i, 0, 28 + 20 * i, 40))).ToList();
        var line = new OcrLine([new OcrWord(symbols, new PixelRect(10, 0, 108, 40), 0.99)]);
        CellText.Assemble([line], new PixelRect(0, 0, 300, 40)).ShouldBe("=100%");
    }

    /// <summary>
    /// dev noisy scan, case 63: a weight's grey 6 beside its cell's ruling, of which the ink mask kept the bottom
    /// stroke only (a bar, read as a dash) or nothing; grain and a dash's grey edge are no glyph.
    /// </summary>
    [Fact]
    public void A_faint_glyph_is_the_block_of_faint_ink_around_the_stroke_the_mask_kept()
    {
        const int width = 60, height = 60, lineHeight = 40;
        LineImage Grey(Func<int, int, byte> level)
        {
            var pixels = new byte[width * height];
            for (var y = 0; y < height; y++)
                for (var x = 0; x < width; x++) pixels[y * width + x] = level(x, y);
            return new LineImage(width, height, pixels);
        }
        // A ring of grey 200 (paper 255): a faint 0 or 6, 16 px wide and 36 tall; its bottom stroke darker.
        static bool Ring(int x, int y) => x is >= 20 and < 36 && y is >= 10 and < 46 && (x < 24 || x >= 32 || y < 14 || y >= 42);
        var six = Grey((x, y) => Ring(x, y) ? (byte)(y >= 42 ? 90 : 200) : (byte)255);
        CellReader.FaintBlock(six, new PixelRect(20, 42, 36, 46), lineHeight).ShouldBe(new PixelRect(20, 10, 36, 46));
        CellReader.FaintBlock(six, default, lineHeight).ShouldBe(new PixelRect(20, 10, 36, 46));

        var grain = Grey((x, y) => (x * 7 + y * 13) % 97 == 0 ? (byte)200 : (byte)255);
        CellReader.FaintBlock(grain, default, lineHeight).ShouldBeNull();
        var dash = Grey((x, y) => x is >= 10 and < 50 && y is >= 28 and < 33 ? (y is 28 or 32 ? (byte)200 : (byte)60) : (byte)255);
        CellReader.FaintBlock(dash, new PixelRect(10, 29, 50, 32), lineHeight).ShouldBeNull();
    }

    /// <summary>dev bilevel scans, cases 39, 62, 85 and 86: a stroke thinned away turned 目 into 日, 自 into 白, 文 into 义.</summary>
    [Theory]
    [InlineData("绩效日标的合理性", "绩效目标的合理性")]
    [InlineData("项日完成及时性", "项目完成及时性")]
    [InlineData("桃源县白然资源和规划局", "桃源县自然资源和规划局")]
    [InlineData("宜山县义化和旅游局", "宜山县文化和旅游局")]
    [InlineData("日均客流量", "日均客流量")]
    [InlineData("白天", "白天")]
    public void A_character_read_as_its_shape_twin_inside_a_word_the_forms_print_is_mended(string read, string printed) =>
        ShapeTwins.Mend(read).ShouldBe(printed);

    [Theory]
    [InlineData(">47.7%", true)]
    [InlineData("<5次", true)]
    [InlineData(">=18份", false)]
    [InlineData("≥47.7%", false)]
    public void A_number_led_by_a_bare_comparison_is_not_sure_a_faint_bar_may_be_lost(string text, bool unsure) =>
        CellReader.StartsWithBareComparison(text).ShouldBe(unsure);

    /// <summary>dev noisy scans, cases 3 and 10: "1964元/平方米" read with a full-width slash.</summary>
    [Fact]
    public void A_slash_read_full_width_is_the_ascii_one_units_are_printed_with()
    {
        var symbols = new[] { "4", "5", "8", "元", "／", "平", "方", "米" }.Select((t, i) => new OcrSymbol(t, new PixelRect(10 + 26 * i, 0, 34 + 26 * i, 40))).ToList();
        var line = new OcrLine([new OcrWord(symbols, new PixelRect(10, 0, 216, 40), 0.99)]);
        CellText.Assemble([line], new PixelRect(0, 0, 300, 40)).ShouldBe("458元/平方米");
    }

    /// <summary>dev bilevel scans, case 5: "已开展监测设备134处，已实施" read with a full-width full stop.</summary>
    [Fact]
    public void A_full_width_full_stop_between_ideographs_is_a_comma()
    {
        var symbols = "134处．已实施".Select((c, i) => new OcrSymbol(c.ToString(), new PixelRect(10 + 26 * i, 0, 34 + 26 * i, 40))).ToList();
        var line = new OcrLine([new OcrWord(symbols, new PixelRect(10, 0, 34 + 26 * 7, 40), 0.99)]);
        CellText.Assemble([line], new PixelRect(0, 0, 400, 40)).ShouldBe("134处，已实施");
    }

    /// <summary>
    /// Goals of the corpus's dev scans: "（1）" opening a paragraph read "(1）", "(运维)" ending a name read "(运维）".
    /// A bracket with nothing outside it on its line shows no gap, and takes its partner's width.
    /// </summary>
    [Theory]
    [InlineData("(1）实施", new[] { 10, 22, 50, 80, 106 }, "（1）实施")]
    [InlineData("治(运维）", new[] { 10, 38, 50, 76, 104 }, "治(运维)")]
    public void A_bracket_with_nothing_outside_it_on_its_line_takes_its_partners_width(string read, int[] lefts, string expected)
    {
        var symbols = read.Select((c, i) => new OcrSymbol(c.ToString(), new PixelRect(lefts[i], 0, lefts[i] + (c is '(' or ')' or '（' or '）' ? 8 : 24), 40))).ToList();
        var line = new OcrLine([new OcrWord(symbols, new PixelRect(lefts[0], 0, symbols[^1].Box.Right, 40), 0.99)]);
        CellText.Assemble([line], new PixelRect(0, 0, 300, 40)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("已完成白水县环境监测能力建设(运维）；已建成宣传活动108个", true)]
    [InlineData("（1）实施平阳县公益性岗位补贴", false)]
    [InlineData("望江县河道综合整治(运维)", false)]
    public void A_bracket_pair_of_two_widths_is_a_misread_half(string text, bool mixed) =>
        CellReader.HasMixedBracketPair(text).ShouldBe(mixed);

    /// <summary>Readings of the generated photos (dev cases 12, 13 and 19) whose sign or digit the ink did not settle, and right ones.</summary>
    [Theory]
    [InlineData("S30万元", true)]
    [InlineData("B4%", true)]
    [InlineData("八2.4%", true)]
    [InlineData("“120万元", true)]
    [InlineData("≥30万元", false)]
    [InlineData("A级", false)]
    [InlineData("2小时", false)]
    [InlineData("前5名", false)]
    public void A_number_led_by_a_letter_or_a_misread_sign_is_not_sure(string text, bool unsure) =>
        CellReader.StartsWithMisreadNumber(text).ShouldBe(unsure);

    /// <summary>Readings of the generated noisy scans and photos (dev split) whose sign the ink did not settle.</summary>
    [Theory]
    [InlineData("N93.6%", "≥93.6%")]
    [InlineData("M790人", "≥790人")]
    [InlineData("S19小时", "≤19小时")]
    [InlineData("到11小时", "≤11小时")]
    [InlineData("K100%", "≤100%")]
    [InlineData("N", "≥")]
    [InlineData("人46%", "人46%")]
    [InlineData("S级评定合格", "S级评定合格")]
    [InlineData("V2.0版本上线运行", "V2.0版本上线运行")]
    public void A_letter_leading_a_target_number_is_the_sign_its_shape_shows(string read, string taken) =>
        CellReader.LetteredSign(read).ShouldBe(taken);

    [Fact]
    public void A_red_seal_stamped_over_a_cell_leaves_its_text_readable()
    {
        // Page 1 of the TIFF in colour, a seal-red disc (multiplied, as ink on paper) over the funds total label.
        var label = TiffPages.Value.Pages[0].Cells.Single(c => c.Text == "年度资金总额").Box!.Value;
        using var bilevel = Extractor.Readers.Ocr.ScanImage.Decode(File.ReadAllBytes(Tiff), 0, 80_000_000);
        using var colour = Extractor.Readers.Ocr.Native.Leptonica.pixConvertTo32(bilevel).OrThrow("convert to colour");
        StampRedDisc(colour, (label.Left + label.Right) / 2, (label.Top + label.Bottom) / 2, label.Height);
        var png = Extractor.Readers.Ocr.Native.Leptonica.Encode(colour, 3);
        var page = Ocr.Value.Images.Read(InputFile.FromBytes("sealed.png", png), CancellationToken.None).Pages[0];
        page.Cells.ShouldContain(c => c.Text == "年度资金总额");
    }

    /// <summary>Multiplies a disc of the page by seal red (R 235, G 40, B 50): black print stays black.</summary>
    private static void StampRedDisc(Extractor.Readers.Ocr.Native.Pix pix, double cx, double cy, double radius)
    {
        var wpl = Extractor.Readers.Ocr.Native.Leptonica.pixGetWpl(pix);
        var data = Extractor.Readers.Ocr.Native.Leptonica.pixGetData(pix);
        for (var y = (int)(cy - radius); y < cy + radius; y++)
            for (var x = (int)(cx - radius); x < cx + radius; x++)
            {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > radius * radius) continue;
                var at = ((long)y * wpl + x) * 4;
                var p = (uint)System.Runtime.InteropServices.Marshal.ReadInt32(data, (int)at);
                uint r = (p >> 24) & 0xFF, g = (p >> 16) & 0xFF, b = (p >> 8) & 0xFF;
                System.Runtime.InteropServices.Marshal.WriteInt32(data, (int)at, (int)((r * 235 / 255) << 24 | (g * 40 / 255) << 16 | (b * 50 / 255) << 8));
            }
    }

    [Fact]
    public void Cells_read_by_OCR_carry_the_box_of_their_ink_inside_their_ruled_box()
    {
        var first = TiffPages.Value.Pages[0];
        var total = first.Cells.Single(c => c.Text == "年度资金总额");
        var ink = total.TextBox.ShouldNotBeNull();
        var box = total.Box!.Value;
        ink.Left.ShouldBeGreaterThan(box.Left);
        ink.Right.ShouldBeLessThan(box.Right);
        ink.Top.ShouldBeGreaterThan(box.Top);
        ink.Bottom.ShouldBeLessThan(box.Bottom);
        first.Cells.Where(c => c.IsBlank).ShouldAllBe(c => c.TextBox == null);
    }

    [Fact]
    public void A_second_reading_replaces_the_first_only_when_its_least_and_its_average_word_are_surer()
    {
        static IReadOnlyList<OcrLine> Reading(params double[] confidences) =>
            [new OcrLine(confidences.Select(c => new OcrWord([new OcrSymbol("字", default)], default, c)).ToList())];

        OcrReading.Surer(Reading(0.6, 0.9), Reading(0.0, 0.9)).ShouldBeTrue();
        OcrReading.Surer(Reading(0.051, 0.06), Reading(0.049, 0.9)).ShouldBeFalse();
        OcrReading.Surer(Reading(0.0, 0.9), Reading(0.0, 0.5)).ShouldBeFalse();
        OcrReading.Surer([], Reading(0.0)).ShouldBeFalse();
    }

    [Fact]
    public void Engines_are_initialised_once_and_reused_up_to_the_pool_size()
    {
        using var ocr = OcrReaders.Create(new PipelineOptions { BaseFolder = Repo.Root, Parallelism = 1 });
        var file = InputFile.Load(Tiff);
        ocr.Images.Read(file, CancellationToken.None);
        ocr.Images.Read(file, CancellationToken.None);
        ocr.Engines.Created.ShouldBe(1);
    }

    [Fact]
    public void An_image_whose_header_declares_a_huge_size_is_refused_before_decoding()
    {
        var e = Should.Throw<InputRejectedException>(() => Repo.Pipeline().Extract(InputFile.FromBytes("huge.png", PngHeader(30000, 30000))));
        e.Reason.ShouldContain("30000 x 30000");
        e.Reason.ShouldContain("Extractor:Ocr:MaxPixels");
    }

    [Fact]
    public void A_truncated_JPEG_is_refused_as_damaged()
    {
        var jpeg = EmbeddedJpeg();
        var e = Should.Throw<InputRejectedException>(() => Repo.Pipeline().Extract(InputFile.FromBytes("cut.jpg", jpeg[..(jpeg.Length / 3)])));
        e.Reason.ShouldContain("truncated");
    }

    [Fact]
    public void A_scan_compressed_with_an_unsupported_filter_is_refused_naming_it()
    {
        // Same length as /DCTDecode, so the PDF's cross-reference offsets stay right.
        var bytes = System.Text.Encoding.Latin1.GetBytes(System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(ScanPdf)).Replace("/DCTDecode", "/JPXDecode"));
        var file = InputFile.FromBytes("jpx.pdf", bytes);
        using var document = PdfDocument.Open(bytes);
        var e = Should.Throw<InputRejectedException>(() => Ocr.Value.Pages.Read(file, document.GetPage(1), CancellationToken.None));
        e.Reason.ShouldContain("JPXDecode");
    }

    [Theory]
    [InlineData("年初预箅数", "年初预算数")]
    [InlineData("可持响指标", "可持续影响指标")]
    [InlineData("质量指标", "质量指标")]
    [InlineData("青溪县项目支出绩效自评表", "青溪县项目支出绩效自评表")]
    [InlineData("农村生活垃圾收运量", "农村生活垃圾收运量")]
    [InlineData("服务对象满意度", "服务对象满意度")]
    [InlineData("服务对象满意度指", "服务对象满意度指标")]
    public void A_near_miss_of_a_known_label_snaps_to_it_and_other_text_stays(string read, string expected) =>
        LabelSnap.Snap(read).ShouldBe(expected);

    [Fact]
    public void Missing_language_data_is_a_named_configuration_error()
    {
        var options = Repo.Options();
        options.Ocr.TessdataPath = "/nowhere";
        options.Validate().ShouldContain(e => e.Contains("Extractor:Ocr:TessdataPath") && e.Contains("chi_sim.traineddata"));
    }

    private static byte[] EmbeddedJpeg()
    {
        using var document = PdfDocument.Open(ScanPdf);
        return document.GetPage(1).GetImages().Single().RawBytes.ToArray();
    }

    /// <summary>A PNG signature and IHDR chunk declaring the size, and nothing else.</summary>
    private static byte[] PngHeader(int width, int height)
    {
        var ihdr = new List<byte>("IHDR"u8.ToArray());
        ihdr.AddRange(BigEndian(width));
        ihdr.AddRange(BigEndian(height));
        ihdr.AddRange([8, 0, 0, 0, 0]);
        var png = new List<byte> { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
        png.AddRange(BigEndian(13));
        png.AddRange(ihdr);
        png.AddRange(BigEndian((int)Crc32(ihdr)));
        png.AddRange(new byte[64]);
        return png.ToArray();
    }

    private static byte[] BigEndian(int value) => [(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value];

    private static uint Crc32(IEnumerable<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}

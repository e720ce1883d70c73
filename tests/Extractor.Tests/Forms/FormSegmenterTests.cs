using System.Text;
using Extractor.Forms;
using Extractor.Readers;
using Extractor.Readers.Text;

namespace Extractor.Tests.Forms;

public class FormSegmenterTests
{
    private static IReadOnlyList<FormSegment> Split(string path) =>
        FormSegmenter.Split(new TabTextReader().Read(InputFile.Load(path), CancellationToken.None));

    [Fact]
    public void The_seed_export_holds_six_forms_each_starting_at_its_title()
    {
        var segments = Split(Repo.Seed);
        segments.Count.ShouldBe(6);
        segments.ShouldAllBe(s => s.Kind == FormKind.SelfEvaluation);
    }

    /// <summary>dev case 6 of the generated photos: the second form's title read as "武E区", its form lost into the first.</summary>
    [Fact]
    public void A_form_whose_title_was_lost_starts_at_its_project_name_after_the_form_before_it_ends()
    {
        var lines = File.ReadAllLines(Repo.Seed).ToList();
        var titles = Enumerable.Range(0, lines.Count).Where(i => lines[i].StartsWith("财政项目支出绩效自评表", StringComparison.Ordinal)).ToList();
        lines[titles[1]] = "武E区";
        var text = string.Join("\n", lines);
        var segments = FormSegmenter.Split(new TabTextReader().Read(InputFile.FromBytes("x.txt", Encoding.UTF8.GetBytes(text)), CancellationToken.None));

        segments.Count.ShouldBe(6);
        segments.ShouldAllBe(s => s.Kind == FormKind.SelfEvaluation);
        segments[0].Rows.ShouldNotContain(r => r.FilledColumns().Any(c => r.TextAt(c) == "上海市绿化市容视频共享交换平台建设项目"));
        segments[1].Rows.ShouldContain(r => r.FilledColumns().Any(c => r.TextAt(c) == "上海市绿化市容视频共享交换平台建设项目"));
    }

    [Fact]
    public void A_targets_form_in_the_same_file_is_skipped_with_its_reason()
    {
        var text = "项目支出绩效目标申报表\n项目名称\t甲\n财政项目支出绩效自评表\n项目名称\t乙\n";
        var segments = FormSegmenter.Split(new TabTextReader().Read(InputFile.FromBytes("x.txt", Encoding.UTF8.GetBytes(text)), CancellationToken.None));
        segments.Select(s => s.Kind).ShouldBe([FormKind.Other, FormKind.SelfEvaluation]);
        segments[0].SkipReason!.ShouldContain("绩效目标申报表");
    }

    [Theory]
    [InlineData("部门整体支出绩效自评表", FormKind.Other)]
    [InlineData("2021年度项目支出绩效自评表", FormKind.SelfEvaluation)]
    [InlineData("XX县项目支出绩效自评表", FormKind.SelfEvaluation)]
    [InlineData("项目支出绩效目标执行监控表", FormKind.Other)]
    public void FormTitle_tells_self_evaluations_from_the_other_forms_of_the_cycle(string title, FormKind kind) =>
        FormTitle.Classify(title)!.Value.Kind.ShouldBe(kind);

    [Fact]
    public void A_sentence_mentioning_a_form_is_no_title() =>
        FormTitle.Classify("根据要求填报项目支出绩效自评表并于3月底前报送财政局，逾期不候。").ShouldBeNull();
}

using Extractor.Output;

namespace FormMaker;

/// <summary>
/// Makes one random but valid form from a seeded random source: the truth (an <see cref="EvaluationForm"/>)
/// and the table it is printed as, choosing the local-template variants of DESIGN.md as it goes. Every printed
/// text is chosen together with the value it must read back to, so the two cannot disagree.
/// </summary>
internal sealed class FormFactory(Random random, double narrowness)
{
    private static readonly string[] Level1Order = ["产出指标", "成本指标", "效益指标", "满意度指标"];

    private static readonly Dictionary<string, string[]> Level2Of = new()
    {
        ["产出指标"] = ["数量指标", "质量指标", "时效指标", "成本指标"],
        ["效益指标"] = ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
        ["满意度指标"] = ["服务对象满意度指标"],
    };

    private static readonly string[] CostKinds = ["经济成本指标", "社会成本指标", "生态环境成本指标"];

    private readonly List<Check> unreadable = [];

    public FormDraft Make(int formIndex)
    {
        unreadable.Clear();
        var form = new EvaluationForm { Source = new Source { FormIndex = formIndex } };
        var year = random.Next(2018, 2026);
        var place = Pick(Words.Places);
        var bureau = Pick(Words.Bureaus);
        form.Year = year;
        form.Title = Chance(0.25) ? $"{place}项目支出绩效自评表"
            : Chance(0.25) ? $"{year}年度项目支出绩效自评表"
            : Chance(0.15) ? $"{place}{year}年度项目支出绩效自评表" : "项目支出绩效自评表";
        form.ProjectName = place + Pick(bureau.Projects) + (Chance(0.2) ? Pick(["(运维)", "项目", "（二期）", "专项"]) : "");
        form.Department = (Chance(0.12) ? $"{random.Next(101, 699)}-" : "") + place + bureau.Name;
        form.ImplementingUnit = Chance(0.15) ? place + bureau.Name : place + Pick(bureau.Units);

        var split = Chance(0.25);
        var columns = split ? 11 : 9;
        var table = new FormTable(columns) { Widths = Widths(columns, split) };
        var twoDecimals = Chance(0.25);

        Header(table, form, year);
        var fundsWeight = Pick([10m, 10m, 10m, 10m, 20m, 15m, 5m]);
        FundsBlock(table, form, fundsWeight, twoDecimals);
        GoalsBlock(table, form);
        IndicatorBlock(table, form, year, split, 100m - fundsWeight, twoDecimals);
        Inconsistencies(table, form);
        TotalRow(table, form, twoDecimals);
        form.Checks = ExpectedChecks.Of(form, unreadable);
        return new FormDraft(form, table);
    }

    // ---- header ----

    private void Header(FormTable table, EvaluationForm form, int year)
    {
        var c = table.Columns;
        var extra = random.NextDouble();
        if (extra < 0.15)
        {
            var r = table.NewRow();
            table.Add(r, 0, null, CellRole.Plain, columnSpan: c - 1);
            table.Add(r, c - 1, $"公开{random.Next(1, 13):00}表", CellRole.Plain);
        }
        else if (extra < 0.27)
        {
            var r = table.NewRow();
            table.Add(r, 0, "部门：" + form.Department, CellRole.Plain, columnSpan: c - 2);
            table.Add(r, c - 2, Chance(0.5) ? $"公开{random.Next(1, 13):00}表" : null, CellRole.Plain, columnSpan: 2);
        }
        table.Add(table.NewRow(), 0, form.Title, CellRole.Title, columnSpan: c);
        table.Add(table.NewRow(), 0, Pick([$"({year} 年度)", $"（{year}年度）", $"({year}年度)"]), CellRole.Title, columnSpan: c);

        var name = table.NewRow();
        table.Add(name, 0, "项目名称", CellRole.Label);
        table.Add(name, 1, form.ProjectName, CellRole.Text, columnSpan: c - 1);

        var units = table.NewRow();
        var deptSpan = random.Next(2, c - 4);
        var labelSpan = random.Next(1, 3);
        table.Add(units, 0, "主管部门", CellRole.Label);
        table.Add(units, 1, Wrapped(form.Department!), CellRole.Text, columnSpan: deptSpan);
        table.Add(units, 1 + deptSpan, "实施单位", CellRole.Label, columnSpan: labelSpan);
        table.Add(units, 1 + deptSpan + labelSpan, Wrapped(form.ImplementingUnit!), CellRole.Text, columnSpan: c - 1 - deptSpan - labelSpan);
    }

    // ---- funds ----

    private void FundsBlock(FormTable table, EvaluationForm form, decimal weight, bool twoDecimals)
    {
        var funds = form.Funds;
        var wan = Chance(0.35);
        funds.UnitAsPrinted = wan ? "万元" : "元";
        var step = wan ? 100m : Chance(0.2) ? 0.1m : 1m;
        var magnitude = Math.Pow(10, 4.7 + random.NextDouble() * 2.8);
        var annual = Round((decimal)magnitude, step);
        var rate = Chance(0.35) ? 1m : (decimal)(0.72 + random.NextDouble() * 0.28);
        var executed = Math.Min(annual, Round(annual * rate, step));
        var initial = Chance(0.4) ? annual : Round(annual * (decimal)(0.8 + random.NextDouble() * 0.3), step);

        var t = funds.Rows.Total;
        t.InitialBudget = Chance(0.15) ? null : initial;
        t.AnnualBudget = annual;
        t.Executed = executed;
        var subRowsBlank = Chance(0.12);
        if (!subRowsBlank)
        {
            var carryover = Chance(0.3) ? Round(annual * (decimal)(0.05 + random.NextDouble() * 0.25), step) : 0m;
            var other = Chance(0.2) ? Round((annual - carryover) * (decimal)(0.05 + random.NextDouble() * 0.3), step) : 0m;
            Split(t, funds.Rows.CurrentYearAppropriation, funds.Rows.PriorYearCarryover, funds.Rows.Other, carryover / annual, other / annual, step);
        }

        funds.Weight = weight;
        funds.ExecutionRatePercent = Math.Round(executed / annual * 100m, 2);
        funds.Score = Math.Round(weight * funds.ExecutionRatePercent.Value / 100m, 2);

        var c = table.Columns;
        var nameSpan = random.Next(1, 3);
        var v = 1 + nameSpan; // first value column
        var scoreSpan = c - v - 5;
        var head = table.NewRow();
        var unitLabel = Pick(["项目资金", "项目资金\n"]) + Pick(wan ? new[] { "（万元）", "(万元)", " (万元)" } : new[] { "（元）", "(元)", " (元)" });
        table.Add(head, 0, unitLabel, CellRole.Label, rowSpan: 5);
        table.Add(head, 1, null, CellRole.Label, columnSpan: nameSpan);
        string[] heads = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"];
        for (var i = 0; i < 6; i++)
            table.Add(head, v + i, Narrow(heads[i]), CellRole.Label, columnSpan: i == 5 ? scoreSpan : 1);

        var blank = Pick(["", "", "—", "-", "/"]);
        var style = random.Next(3);
        var appropriation = Pick(["其中：当年财政拨款", "其中：本年财政拨款", "当年财政拨款", "其中:当年财政拨款"]);
        string[] names = [Pick(["年度资金总额", "年度资金\n总额"]), appropriation, "上年结转资金", "其他资金"];
        var lines = funds.Rows.Named().ToList();
        for (var i = 0; i < 4; i++)
        {
            var r = table.NewRow();
            var line = lines[i].Line;
            table.Add(r, 1, names[i], CellRole.Label, columnSpan: nameSpan);
            table.Add(r, v, AmountText(line.InitialBudget, wan, style, blank), CellRole.Number);
            table.Add(r, v + 1, AmountText(line.AnnualBudget, wan, style, blank), CellRole.Number);
            table.Add(r, v + 2, AmountText(line.Executed, wan, style, blank), CellRole.Number);
            if (i == 0)
            {
                table.Add(r, v + 3, Printed.Points(weight, twoDecimals), CellRole.Number);
                table.Add(r, v + 4, Printed.Rate(funds.ExecutionRatePercent.Value, Chance(0.5)), CellRole.Number);
                table.Add(r, v + 5, Printed.Points(funds.Score.Value, twoDecimals), CellRole.Number, columnSpan: scoreSpan);
            }
            else
            {
                table.Add(r, v + 3, Chance(0.8) ? "—" : null, CellRole.Number);
                table.Add(r, v + 4, null, CellRole.Number);
                table.Add(r, v + 5, null, CellRole.Number, columnSpan: scoreSpan);
            }
        }
        FundsCells = (head + 1, v);
    }

    /// <summary>Row of 年度资金总额 and the column of 年初预算数, for the inconsistencies that rewrite a printed amount.</summary>
    private (int TotalRow, int FirstValueColumn) FundsCells { get; set; }

    private void Split(FundsLine total, FundsLine appropriation, FundsLine carryover, FundsLine other, decimal carryShare, decimal otherShare, decimal step)
    {
        foreach (var (pick, set) in new (Func<FundsLine, decimal?>, Action<FundsLine, decimal?>)[]
        {
            (l => l.InitialBudget, (l, x) => l.InitialBudget = x), (l => l.AnnualBudget, (l, x) => l.AnnualBudget = x), (l => l.Executed, (l, x) => l.Executed = x),
        })
        {
            if (pick(total) is not { } whole) continue;
            var carry = carryShare == 0 ? (decimal?)null : Round(whole * carryShare, step);
            var rest = otherShare == 0 ? (decimal?)null : Round(whole * otherShare, step);
            set(carryover, carry);
            set(other, rest);
            set(appropriation, whole - (carry ?? 0) - (rest ?? 0));
        }
    }

    private static string? AmountText(decimal? yuan, bool wan, int style, string blank) =>
        yuan is { } value ? Printed.Amount(value, wan, style) : blank;

    // ---- goals ----

    private void GoalsBlock(FormTable table, EvaluationForm form)
    {
        var planned = Paragraphs(form.ProjectName!, achieved: false);
        var achieved = Paragraphs(form.ProjectName!, achieved: true);
        form.Goals.Planned = string.Join("\n", planned);
        form.Goals.Achieved = string.Join("\n", achieved);
        var c = table.Columns;
        var plannedSpan = random.Next(3, c - 3);
        var head = table.NewRow();
        table.Add(head, 0, Pick(["年度总体目标", "年度\n总体\n目标", "年度总体\n目标"]), CellRole.Label, rowSpan: 2);
        table.Add(head, 1, Pick(["预算目标", "预期目标"]), CellRole.Label, columnSpan: plannedSpan);
        table.Add(head, 1 + plannedSpan, "实际完成情况", CellRole.Label, columnSpan: c - 1 - plannedSpan);
        var body = table.NewRow();
        table.AddParagraphs(body, 1, planned, CellRole.Text, columnSpan: plannedSpan);
        table.AddParagraphs(body, 1 + plannedSpan, achieved, CellRole.Text, columnSpan: c - 1 - plannedSpan);
    }

    /// <summary>Goal text: one to six paragraphs, numbered items or plain sentences, now and then near 2,000 characters.</summary>
    private List<string> Paragraphs(string project, bool achieved)
    {
        var count = Chance(0.12) ? random.Next(5, 9) : random.Next(1, 4);
        var numbered = Chance(0.4);
        var paragraphs = new List<string>();
        for (var p = 0; p < count; p++)
        {
            var sentences = Chance(0.12) ? random.Next(6, 12) : random.Next(1, 4);
            var text = new System.Text.StringBuilder(numbered ? Pick([$"{p + 1}.", $"{p + 1}、", $"（{p + 1}）"]) : "");
            for (var s = 0; s < sentences; s++)
            {
                var verb = achieved ? "已" + Pick(Words.GoalVerbs) : Pick(Words.GoalVerbs);
                text.Append(s == 0 && p == 0 ? $"{verb}{project}" : $"{verb}{Pick(ProjectObjects)}{random.Next(2, 300)}{Pick(["处", "个", "项", "台", "人次", "公里"])}");
                text.Append(s == sentences - 1 ? "，" + Pick(Words.GoalTails) + "。" : Pick(["，", "；", "，"]));
            }
            paragraphs.Add(text.ToString());
        }
        return paragraphs;
    }

    private static readonly string[] ProjectObjects =
        ["相关设施", "服务站点", "监测设备", "培训课程", "检查任务", "维修工程", "信息系统", "宣传活动", "补助资金发放", "档案整理"];

    // ---- indicators ----

    private void IndicatorBlock(FormTable table, EvaluationForm form, int year, bool split, decimal points, bool twoDecimals)
    {
        var count = Chance(0.1) ? random.Next(13, 21) : Chance(0.1) ? random.Next(1, 4) : random.Next(4, 13);
        var costAsLevel1 = year >= 2021 && Chance(0.3);
        var picked = new List<(string Level1, string Level2)>();
        for (var i = 0; i < count; i++)
        {
            var roll = random.NextDouble();
            var level1 = i == 0 || roll < 0.5 ? "产出指标" : roll < 0.85 ? "效益指标" : "满意度指标";
            var level2 = Pick(Level2Of[level1]);
            if (level2 == "成本指标" && year >= 2021 && Chance(0.7))
            {
                level2 = Pick(CostKinds);
                if (costAsLevel1) level1 = "成本指标";
            }
            if (level2 == "生态效益指标" && Chance(0.4)) level2 = "生态环境效益指标";
            picked.Add((level1, level2));
        }
        // Printed grouped: by level-1 in template order, then by level-2 in order of first appearance.
        var ordered = picked.Select((p, i) => (p, i)).OrderBy(x => Array.IndexOf(Level1Order, x.p.Level1))
            .ThenBy(x => picked.FindIndex(q => q.Level1 == x.p.Level1 && q.Level2 == x.p.Level2)).ThenBy(x => x.i).Select(x => x.p).ToList();
        var reasonableness = Chance(0.2);
        var weights = Weights(ordered.Count + (reasonableness ? 1 : 0), points);

        var indicators = new List<Indicator>();
        var targets = new List<(string Comparison, string Value, string Unit)>();
        var used = new HashSet<string>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var (level1, level2) = ordered[i];
            var measures = Words.Indicators[level2].Where(m => !used.Contains(m.Name)).ToArray();
            var measure = measures.Length > 0 ? Pick(measures) : Pick(Words.Indicators[level2]);
            var name = used.Add(measure.Name) ? measure.Name : Pick(ProjectObjects) + measure.Name;
            used.Add(name);
            var (target, parts, actual, met) = TargetAndActual(measure);
            var indicator = new Indicator { Level1 = level1, Level2 = level2, Name = name, Target = target, Actual = actual, Weight = weights[i] };
            Score(indicator, met);
            indicators.Add(indicator);
            targets.Add(parts);
        }
        if (reasonableness)
        {
            var indicator = new Indicator { Name = Pick(["绩效目标合理性", "绩效目标的合理性"]), Target = "合理", Actual = Pick(["合理", "基本合理"]), Weight = weights[^1] };
            Score(indicator, met: indicator.Actual == "合理");
            indicators.Add(indicator);
            targets.Add(("", "合理", ""));
        }
        form.Indicators = indicators;

        var c = table.Columns;
        var targetWidth = split ? 3 : 1;
        var header = table.NewRow();
        var headerRows = split ? 2 : 1;
        var sectionRows = headerRows + indicators.Count;
        table.Add(header, 0, Pick(["绩效指标", "绩效\n指标"]), CellRole.Label, rowSpan: sectionRows);
        var targetLabel = Pick(["年度指标值", "年度\n指标值"]);
        string[] labels = ["一级指标", "二级指标", "三级指标"];
        for (var i = 0; i < 3; i++) table.Add(header, 1 + i, labels[i], CellRole.Label, rowSpan: headerRows);
        table.Add(header, 4, targetLabel, CellRole.Label, columnSpan: targetWidth);
        var a = 4 + targetWidth;
        table.Add(header, a, Pick(["实际完成值", "实际\n完成值", "全年实际值"]), CellRole.Label, rowSpan: headerRows);
        table.Add(header, a + 1, "分值", CellRole.Label, rowSpan: headerRows);
        table.Add(header, a + 2, "得分", CellRole.Label, rowSpan: headerRows);
        table.Add(header, a + 3, Pick(["偏差原因分析及改进措施", "偏差原因分析及\n改进措施"]), CellRole.Label, rowSpan: headerRows);
        if (split)
        {
            var sub = table.NewRow();
            table.Add(sub, 4, "指标性质", CellRole.Label);
            table.Add(sub, 5, "指标值", CellRole.Label);
            table.Add(sub, 6, "度量单位", CellRole.Label);
        }

        var points1 = Chance(0.25);
        var middleLabels = Chance(0.5);
        var blankSatisfaction = Chance(0.1);
        var first = table.Rows;
        var rows = Enumerable.Range(0, indicators.Count).Select(_ => table.NewRow()).ToList();
        for (var i = 0; i < indicators.Count; i++)
        {
            var ind = indicators[i];
            var r = rows[i];
            if (ind.Level1 is null)
            {
                if (Chance(0.5)) table.Add(r, 1, ind.Name, CellRole.Label, columnSpan: 3);
                else
                {
                    table.Add(r, 1, null, CellRole.Label);
                    table.Add(r, 2, null, CellRole.Label);
                    table.Add(r, 3, ind.Name, CellRole.Text);
                }
            }
            else
            {
                if (i == 0 || indicators[i - 1].Level1 != ind.Level1)
                {
                    var span = indicators.Skip(i).TakeWhile(x => x.Level1 == ind.Level1).Count();
                    var label = ind.Level1 == "满意度指标" && blankSatisfaction ? null
                        : points1 ? ind.Level1 + Pick(["(", "（"]) + Printed.Points(indicators.Skip(i).Take(span).Sum(x => x.Weight ?? 0), false) + Pick(["分)", "分）"])
                        : ind.Level1;
                    if (label is not null && Chance(0.3)) label = label.Insert(2, "\n");
                    table.Add(r, 1, label, CellRole.Label, rowSpan: span, labelRow: middleLabels ? r + span / 2 : r);
                }
                if (i == 0 || indicators[i - 1].Level2 != ind.Level2 || indicators[i - 1].Level1 != ind.Level1)
                {
                    var span = indicators.Skip(i).TakeWhile(x => x.Level1 == ind.Level1 && x.Level2 == ind.Level2).Count();
                    table.Add(r, 2, ind.Level2, CellRole.Label, rowSpan: span);
                }
                table.Add(r, 3, Wrapped(ind.Name!), CellRole.Text);
            }
            if (split)
            {
                table.Add(r, 4, targets[i].Comparison, CellRole.Number);
                table.Add(r, 5, targets[i].Value, CellRole.Number);
                table.Add(r, 6, targets[i].Unit, CellRole.Number);
            }
            else table.Add(r, 4, ind.Target, CellRole.Number);
            table.Add(r, a, ind.Actual, CellRole.Number);
            table.Add(r, a + 1, Printed.Points(ind.Weight!.Value, twoDecimals), CellRole.Number);
            table.Add(r, a + 2, Printed.Points(ind.Score!.Value, twoDecimals), CellRole.Number);
            table.Add(r, a + 3, ind.Deviation is null ? null : Wrapped(ind.Deviation), CellRole.Text);
        }
        IndicatorCells = (first, a + 1);
    }

    /// <summary>Row of the first indicator and the column of 分值.</summary>
    private (int FirstRow, int WeightColumn) IndicatorCells { get; set; }

    private (string Target, (string, string, string) Parts, string Actual, bool Met) TargetAndActual(Words.Measure m)
    {
        if (m.Unit == "")
        {
            var met = Chance(0.8);
            var actual = met ? m.Comparison : Pick(["基本" + m.Comparison, "较" + m.Comparison, "部分" + m.Comparison]);
            return (m.Comparison, ("", m.Comparison, ""), actual, met);
        }
        var whole = m.Unit is not ("%" or "万元") || Chance(0.6);
        var value = m.Low == m.High ? m.Low : m.Low + (decimal)random.NextDouble() * (m.High - m.Low);
        value = whole ? Math.Round(value) : Math.Round(value, 1);
        var hit = Chance(0.75);
        var upward = m.Comparison is "≥" or ">=";
        var measured = m.Comparison is "=" ? (hit ? value : Math.Max(0, value - Math.Max(1, Math.Round(value * 0.1m))))
            : upward == hit ? value + (decimal)random.NextDouble() * Math.Max(1, value * 0.1m) : value - (decimal)random.NextDouble() * Math.Max(1, value * 0.1m);
        measured = Math.Max(0, whole ? Math.Round(measured) : Math.Round(measured, 1));
        if (m.Unit == "%") measured = Math.Min(100, measured);
        var met2 = m.Comparison switch { "≥" or ">=" => measured >= value, "≤" => measured <= value, _ => measured == value };
        var comparison = m.Comparison == ">=" ? ">=" : Chance(0.15) ? "" : m.Comparison;
        var shown = Printed.Quantity(value);
        return (comparison + shown + m.Unit, (comparison, shown, m.Unit), Printed.Quantity(measured) + m.Unit, met2);
    }

    /// <summary>A full score when the target was met (and now and then when not); otherwise a loss with or without a reason.</summary>
    private void Score(Indicator indicator, bool met)
    {
        var weight = indicator.Weight!.Value;
        if (met || Chance(0.2)) { indicator.Score = weight; return; }
        var unit = weight == decimal.Truncate(weight) && Chance(0.6) ? 1m : 0.5m;
        var loss = unit * random.Next(1, Math.Max(2, (int)(weight * 0.4m / unit) + 1));
        indicator.Score = Math.Max(0, weight - loss);
        if (Chance(0.8)) indicator.Deviation = Pick(Words.Reasons) + (Chance(0.2) ? Pick(Words.Reasons) : "");
    }

    /// <summary>Splits the points over the rows: whole points, or halves on forms that use them.</summary>
    private decimal[] Weights(int count, decimal points)
    {
        var unit = Chance(0.35) ? 0.5m : 1m;
        var units = (int)(points / unit);
        var least = Math.Max(1, Math.Min((int)(2 / unit), units / count));
        var shares = Enumerable.Range(0, count).Select(_ => 0.3 + random.NextDouble()).ToArray();
        var free = units - least * count;
        var extra = shares.Select(s => (int)Math.Floor(s / shares.Sum() * free)).ToArray();
        extra[random.Next(count)] += free - extra.Sum();
        return extra.Select(e => (least + e) * unit).ToArray();
    }

    // ---- totals and deliberate inconsistencies ----

    private void TotalRow(FormTable table, EvaluationForm form, bool twoDecimals)
    {
        form.TotalWeight ??= 100m;
        var c = table.Columns;
        var w = IndicatorCells.WeightColumn;
        var r = table.NewRow();
        table.Add(r, 0, Pick(["总分", "总分", "总  分"]), CellRole.Label, columnSpan: w);
        table.Add(r, w, Printed.Points(form.TotalWeight.Value, twoDecimals), CellRole.Number);
        table.Add(r, w + 1, Printed.Points(form.TotalScore!.Value, twoDecimals), CellRole.Number);
        table.Add(r, w + 2, Chance(0.15) ? Pick(Words.Grades) : null, CellRole.Label, columnSpan: c - w - 2);
    }

    /// <summary>
    /// About one form in seven is printed wrong on purpose (the totals, the rate, the sub-rows, a spreadsheet error,
    /// a score above its weight); <see cref="ExpectedChecks"/> then derives the checks from the values.
    /// </summary>
    private void Inconsistencies(FormTable table, EvaluationForm form)
    {
        var sum = form.Indicators.Sum(i => i.Score ?? 0) + (form.Funds.Score ?? 0);
        form.TotalScore = sum;
        if (!Chance(0.15)) return;
        var kinds = Enumerable.Range(0, random.Next(1, 3)).Select(_ => random.Next(6)).Distinct();
        foreach (var kind in kinds)
            switch (kind)
            {
                case 0:
                    form.TotalScore = sum + Pick([-3m, -1.5m, -1m, 1m, 2m]);
                    break;
                case 1:
                    form.TotalWeight = Pick([95m, 105m, 90m]);
                    break;
                case 2:
                    var victim = form.Indicators[random.Next(form.Indicators.Count)];
                    victim.Score = victim.Weight + Pick([1m, 2m, 0.5m]);
                    form.TotalScore = form.Indicators.Sum(i => i.Score ?? 0) + (form.Funds.Score ?? 0);
                    Reprint(table, IndicatorCells.FirstRow + form.Indicators.IndexOf(victim), IndicatorCells.WeightColumn + 1, Printed.Points(victim.Score!.Value, false));
                    break;
                case 3:
                    form.Funds.ExecutionRatePercent += Pick([-5m, 3m, -2.5m]);
                    if (form.Funds.ExecutionRatePercent > 100) form.Funds.ExecutionRatePercent -= 10;
                    Reprint(table, FundsCells.TotalRow, FundsCells.FirstValueColumn + 4, Printed.Rate(form.Funds.ExecutionRatePercent!.Value, false));
                    break;
                case 4 when form.Funds.Rows.CurrentYearAppropriation.AnnualBudget is { } appropriation:
                    var wan = form.Funds.UnitAsPrinted == "万元";
                    form.Funds.Rows.CurrentYearAppropriation.AnnualBudget = appropriation + 20000m;
                    Reprint(table, FundsCells.TotalRow + 1, FundsCells.FirstValueColumn + 1, Printed.Amount(appropriation + 20000m, wan, 0));
                    break;
                case 5:
                    form.Funds.Rows.Total.InitialBudget = null;
                    unreadable.Add(new Check("unreadable-value", Severity.Error, "funds.rows.total.initialBudget", "the cell holds \"#REF!\", which is not a number"));
                    Reprint(table, FundsCells.TotalRow, FundsCells.FirstValueColumn, "#REF!");
                    break;
            }
    }

    private static void Reprint(FormTable table, int row, int column, string text) => table.Replace(row, column, text);

    // ---- layout helpers ----

    /// <summary>Column widths in pixels: the case's narrowness squeezes them, down to columns that wrap 年度资金总额.</summary>
    private int[] Widths(int columns, bool split)
    {
        var widths = new int[columns];
        for (var i = 0; i < columns; i++)
        {
            var (low, high) = i switch
            {
                0 => (40, 110),
                1 or 2 => (46, 140),
                3 => (70, 220),
                _ when i == columns - 1 => (70, 260),
                _ when split && i is 4 or 6 => (30, 70),
                _ => (40, 120),
            };
            var squeezed = high - (int)((high - low) * narrowness);
            widths[i] = random.Next(low, Math.Max(low + 1, squeezed));
        }
        return widths;
    }

    /// <summary>A label that narrow columns print on two lines, broken where a person would break it.</summary>
    private string Narrow(string label) => narrowness > 0.6 && Chance(0.5) && label.Length >= 4 ? label.Insert(2, "\n") : label;

    /// <summary>Long names are sometimes broken by hand between two CJK characters (Alt+Enter in a spreadsheet).</summary>
    private string Wrapped(string text)
    {
        if (text.Length < 8 || !Chance(0.1)) return text;
        var at = random.Next(3, text.Length - 3);
        return Extractor.Text.CjkText.IsCjkLike(text[at - 1]) && Extractor.Text.CjkText.IsCjkLike(text[at]) ? text.Insert(at, "\n") : text;
    }

    private static decimal Round(decimal value, decimal step) => Math.Max(step, Math.Round(value / step) * step);

    private bool Chance(double p) => random.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
}

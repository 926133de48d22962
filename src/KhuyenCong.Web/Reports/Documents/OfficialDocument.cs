using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace KhuyenCong.Web.Reports.Documents;

/// <summary>
/// The frame of an administrative document in the format of Nghị định 30/2020/NĐ-CP, Phụ lục I (docs/domain.md §8.5):
/// A4 portrait with the decree's margins, Times New Roman, the issuing body under its superior body and the quốc hiệu
/// with the underlined tiêu ngữ side by side, the number and symbol, the italic place and date, the title (tên loại and
/// trích yếu), the body the writer adds, and the signature block beside «Nơi nhận». Page numbers from page 2, centred in
/// the top margin. One writer per document (<see cref="ConferenceDocument"/>, <see cref="PeriodicDocument"/>) fills
/// the body; this class only lays out.
/// </summary>
public sealed class OfficialDocument
{
    public const string Font = "Times New Roman";

    public const string NationalName = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

    public const string Motto = "Độc lập - Tự do - Hạnh phúc";

    /// <summary>A4 (210 × 297 mm) in twentieths of a point.</summary>
    public const int PageWidth = 11906;

    public const int PageHeight = 16838;

    /// <summary>Margins within the decree's ranges: top and bottom 20 mm (20–25), left 30 mm (30–35), right 20 mm (15–20).</summary>
    public const int TopMargin = 1134;

    public const int BottomMargin = 1134;

    public const int LeftMargin = 1701;

    public const int RightMargin = 1134;

    /// <summary>The body text size (13–14 pt in the decree).</summary>
    public const int BodySize = 14;

    private const int TextWidth = PageWidth - LeftMargin - RightMargin;

    private static readonly CultureInfo s_vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private readonly Body _body;

    private OfficialDocument(Body body) => _body = body;

    /// <summary>Writes the document: the frame from <paramref name="details"/>, the title, then the body <paramref name="writeBody"/> adds.</summary>
    public static void Write(Stream output, DocumentDetails details, string kind, string summary, Action<OfficialDocument> writeBody)
    {
        using var package = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        package.PackageProperties.Title = $"{kind} {summary}";
        package.PackageProperties.Creator = details.IssuingBody;
        package.PackageProperties.Language = "vi-VN";
        var main = package.AddMainDocumentPart();
        AddStyles(main);
        var header = main.AddNewPart<HeaderPart>();
        header.Header = PageNumberHeader();
        var body = new Body();
        main.Document = new Document(body);
        var document = new OfficialDocument(body);
        document.Frame(details);
        document.Title(kind, summary);
        writeBody(document);
        document.Signature(details);
        body.Append(new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new PageSize { Width = (UInt32Value)(uint)PageWidth, Height = (UInt32Value)(uint)PageHeight },
            new PageMargin
            {
                Top = TopMargin,
                Bottom = BottomMargin,
                Left = (UInt32Value)(uint)LeftMargin,
                Right = (UInt32Value)(uint)RightMargin,
                Header = 567U,
                Footer = 567U,
                Gutter = 0U,
            },
            // No number on the first page (the decree's rule): its header is the empty first-page header.
            new TitlePage()));
        main.Document.Save();
    }

    /// <summary>"ngày 05 tháng 02 năm 2026", "ngày 15 tháng 10 năm 2026": a zero before days under 10 and months 1 and 2.</summary>
    public static string DateText(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"ngày {date.Day:00} tháng {(date.Month <= 2 ? date.Month.ToString("00", CultureInfo.InvariantCulture) : date.Month.ToString(CultureInfo.InvariantCulture))} năm {date.Year}");

    /// <summary>
    /// A province's frame in a document (Nghị định 30/2020, Phụ lục I): the People's Committee above its bodies
    /// ("UBND tỉnh Bắc Ninh", "UBND thành phố Hà Nội" for a centrally-run city, named "TP …" in the directory) and the
    /// province as the place (địa danh), "Thành phố Hồ Chí Minh" written in full.
    /// </summary>
    public static (string Committee, string Place) ProvinceFrame(string province)
    {
        var city = province.StartsWith("TP ", StringComparison.Ordinal);
        var name = city ? province[3..] : province;
        return (city ? $"UBND thành phố {name}" : $"UBND tỉnh {name}", city && name == "Hồ Chí Minh" ? "Thành phố Hồ Chí Minh" : name);
    }

    /// <summary>
    /// A download name in ASCII ("Báo cáo Quý I năm 2026 – Bắc Ninh" → "bao-cao-quy-i-nam-2026-bac-ninh"): browsers,
    /// mail programs and the file systems of the provinces keep it as it is.
    /// </summary>
    public static string AsciiName(string text)
    {
        var key = Domain.Common.SearchText.Key(text);
        var name = new System.Text.StringBuilder(key.Length);
        foreach (var c in key)
        {
            var keep = c is (>= 'a' and <= 'z') or (>= '0' and <= '9');
            if (keep)
            {
                name.Append(c);
            }
            else if (name.Length > 0 && name[^1] != '-')
            {
                name.Append('-');
            }
        }

        return name.ToString().TrimEnd('-');
    }

    /// <summary>A section heading of the body ("I. KẾT QUẢ THỰC HIỆN"): bold, at the left, kept with what follows.</summary>
    public void Heading(string text)
    {
        var paragraph = Paragraph(JustificationValues.Left, Text(text, BodySize, bold: true));
        paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        paragraph.ParagraphProperties.SpacingBetweenLines = new SpacingBetweenLines { Before = "120", After = "120", Line = "288", LineRule = LineSpacingRuleValues.Auto };
        paragraph.ParagraphProperties.Indentation = new Indentation { FirstLine = "720" };
        _body.Append(paragraph);
    }

    /// <summary>A paragraph of the body: justified, first line indented 1,27 cm, 6 pt after, lines 1,2.</summary>
    public void Paragraph(string text, bool italic = false)
    {
        var paragraph = Paragraph(JustificationValues.Both, Text(text, BodySize, italic: italic));
        paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { After = "120", Line = "288", LineRule = LineSpacingRuleValues.Auto };
        paragraph.ParagraphProperties.Indentation = new Indentation { FirstLine = "720" };
        _body.Append(paragraph);
    }

    /// <summary>A small italic note at the right, above a table ("Đơn vị tính: tỷ đồng").</summary>
    public void Unit(string text)
    {
        var paragraph = Paragraph(JustificationValues.Right, Text(text, 12, italic: true));
        paragraph.ParagraphProperties!.KeepNext = new KeepNext();
        _body.Append(paragraph);
    }

    /// <summary>
    /// A table with a header row repeated on each printed page: the first <paramref name="textColumns"/> columns are
    /// text (left), the others figures (right); <paramref name="widths"/> are relative; the last
    /// <paramref name="boldLastRows"/> rows are totals (bold). Cells are the strings the page prints.
    /// </summary>
    public void Table(IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<string>> rows, IReadOnlyList<int> widths, int textColumns = 1, int boldLastRows = 0)
    {
        var size = headers.Count > 6 ? 11 : 12;
        var total = widths.Sum();
        var twips = widths.Select(w => TextWidth * w / total).ToList();
        var table = new Table(
            new TableProperties
            {
                TableWidth = new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                TableBorders = Borders(BorderValues.Single),
                TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
                TableCellMarginDefault = new TableCellMarginDefault(
                    new TopMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 57, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "28", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 57, Type = TableWidthValues.Dxa }),
            },
            new TableGrid(twips.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var c = 0; c < headers.Count; c++)
        {
            header.Append(Cell(twips[c], JustificationValues.Center, Text(headers[c], size, bold: true)));
        }

        table.Append(header);
        for (var r = 0; r < rows.Count; r++)
        {
            var bold = r >= rows.Count - boldLastRows;
            var row = new TableRow(new TableRowProperties(new CantSplit()));
            for (var c = 0; c < headers.Count; c++)
            {
                var text = c < rows[r].Count ? rows[r][c] : string.Empty;
                row.Append(Cell(twips[c], c < textColumns ? JustificationValues.Left : JustificationValues.Right, Text(text, size, bold: bold)));
            }

            table.Append(row);
        }

        _body.Append(table);
        // A table may not end a cell or the body, and the next heading needs air.
        _body.Append(Paragraph(JustificationValues.Left, Text(string.Empty, 6)));
    }

    /// <summary>Quốc hiệu and tiêu ngữ at the right, the bodies at the left; the number under the bodies, the place and date under the tiêu ngữ.</summary>
    private void Frame(DocumentDetails d)
    {
        var left = TextWidth * 2 / 5;
        var right = TextWidth - left;
        var bodies = new List<OpenXmlElement>();
        if (d.ParentBody.Length > 0)
        {
            bodies.Add(Paragraph(JustificationValues.Center, Text(d.ParentBody.ToUpper(s_vietnamese), 12)));
        }

        bodies.Add(Paragraph(JustificationValues.Center, Text(d.IssuingBody.ToUpper(s_vietnamese), 12, bold: true)));
        bodies.Add(Rule(left, left / 3));
        var nation = new OpenXmlElement[]
        {
            Paragraph(JustificationValues.Center, Text(NationalName, 12, bold: true)),
            Paragraph(JustificationValues.Center, Text(Motto, 13, bold: true, underline: true)),
        };
        var number = d.Number.StartsWith('/') ? "Số:        " + d.Number : "Số: " + d.Number;
        var numberCell = Paragraph(JustificationValues.Center, Text(number, 13));
        var dateCell = Paragraph(JustificationValues.Center, Text($"{d.Place}, {DateText(d.Date)}", BodySize, italic: true));
        numberCell.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "120" };
        dateCell.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "120" };
        _body.Append(new Table(
            Borderless(),
            new TableGrid(new GridColumn { Width = left.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = right.ToString(CultureInfo.InvariantCulture) }),
            new TableRow(Cell(left, bodies), Cell(right, nation)),
            new TableRow(Cell(left, [numberCell]), Cell(right, [dateCell]))));
    }

    private void Title(string kind, string summary)
    {
        var title = Paragraph(JustificationValues.Center, Text(kind.ToUpper(s_vietnamese), BodySize, bold: true));
        title.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "360" };
        title.ParagraphProperties.KeepNext = new KeepNext();
        _body.Append(title);
        var about = Paragraph(JustificationValues.Center, Text(summary, BodySize, bold: true));
        about.ParagraphProperties!.KeepNext = new KeepNext();
        _body.Append(about);
        var rule = Rule(TextWidth, TextWidth / 4);
        rule.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { After = "240" };
        _body.Append(rule);
    }

    /// <summary>«Nơi nhận» at the left (each line "- …;", the last "- ….") and the signer at the right, with room to sign.</summary>
    private void Signature(DocumentDetails d)
    {
        var left = TextWidth * 9 / 20;
        var right = TextWidth - left;
        var recipients = new List<OpenXmlElement> { Paragraph(JustificationValues.Left, Text("Nơi nhận:", 12, bold: true, italic: true)) };
        for (var i = 0; i < d.Recipients.Count; i++)
        {
            recipients.Add(Paragraph(JustificationValues.Left, Text($"- {d.Recipients[i]}{(i == d.Recipients.Count - 1 ? "." : ";")}", 11)));
        }

        var signer = new List<OpenXmlElement>();
        if (d.Authority.Length > 0)
        {
            signer.Add(Paragraph(JustificationValues.Center, Text(d.Authority.ToUpper(s_vietnamese), BodySize, bold: true)));
        }

        signer.Add(Paragraph(JustificationValues.Center, Text(d.Position.ToUpper(s_vietnamese), BodySize, bold: true)));
        for (var i = 0; i < 4; i++)
        {
            signer.Add(Paragraph(JustificationValues.Center, Text(string.Empty, BodySize)));
        }

        signer.Add(Paragraph(JustificationValues.Center, Text(d.Signer.Length > 0 ? d.Signer : "……………………", BodySize, bold: true)));
        var table = new Table(
            Borderless(),
            new TableGrid(new GridColumn { Width = left.ToString(CultureInfo.InvariantCulture) }, new GridColumn { Width = right.ToString(CultureInfo.InvariantCulture) }),
            new TableRow(new TableRowProperties(new CantSplit()), Cell(left, recipients), Cell(right, signer)));
        var air = Paragraph(JustificationValues.Left, Text(string.Empty, BodySize));
        air.ParagraphProperties!.KeepNext = new KeepNext();
        _body.Append(air);
        _body.Append(table);
        _body.Append(Paragraph(JustificationValues.Left, Text(string.Empty, 6)));
    }

    /// <summary>
    /// A centred horizontal rule <paramref name="line"/> long in a space <paramref name="container"/> wide (the short line
    /// under the issuing body and under the title): a bottom border on an empty paragraph indented from both sides.
    /// </summary>
    private static Paragraph Rule(int container, int line)
    {
        var paragraph = Paragraph(JustificationValues.Center, Text(string.Empty, 4));
        var room = Math.Max(0, (container - line) / 2);
        paragraph.ParagraphProperties!.ParagraphBorders = new ParagraphBorders(new BottomBorder { Val = BorderValues.Single, Size = 6, Space = 1, Color = "000000" });
        paragraph.ParagraphProperties.Indentation = new Indentation { Left = room.ToString(CultureInfo.InvariantCulture), Right = room.ToString(CultureInfo.InvariantCulture) };
        return paragraph;
    }

    private static TableProperties Borderless() => new()
    {
        TableWidth = new TableWidth { Width = TextWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
        TableBorders = Borders(BorderValues.None),
        TableLayout = new TableLayout { Type = TableLayoutValues.Fixed },
    };

    private static TableBorders Borders(BorderValues kind)
    {
        uint size = kind == BorderValues.None ? 0U : 4U;
        return new TableBorders(
            new TopBorder { Val = kind, Size = size },
            new LeftBorder { Val = kind, Size = size },
            new BottomBorder { Val = kind, Size = size },
            new RightBorder { Val = kind, Size = size },
            new InsideHorizontalBorder { Val = kind, Size = size },
            new InsideVerticalBorder { Val = kind, Size = size });
    }

    /// <summary>A cell of a data table: one paragraph, centred vertically.</summary>
    private static TableCell Cell(int width, JustificationValues justification, Run run) =>
        Cell(width, [Paragraph(justification, run)], TableVerticalAlignmentValues.Center);

    /// <summary>A cell of the frame: its blocks start at the top, as the decree places them side by side.</summary>
    private static TableCell Cell(int width, IEnumerable<OpenXmlElement> content, TableVerticalAlignmentValues alignment = TableVerticalAlignmentValues.Top)
    {
        var cell = new TableCell(new TableCellProperties
        {
            TableCellWidth = new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            TableCellVerticalAlignment = new TableCellVerticalAlignment { Val = alignment },
        });
        cell.Append(content);
        return cell;
    }

    private static Paragraph Paragraph(JustificationValues justification, Run run) =>
        new(new ParagraphProperties { Justification = new Justification { Val = justification } }, run);

    private static Run Text(string text, int size, bool bold = false, bool italic = false, bool underline = false)
    {
        var half = (size * 2).ToString(CultureInfo.InvariantCulture);
        var properties = new RunProperties
        {
            FontSize = new FontSize { Val = half },
            FontSizeComplexScript = new FontSizeComplexScript { Val = half },
        };
        if (bold)
        {
            properties.Bold = new Bold();
            properties.BoldComplexScript = new BoldComplexScript();
        }

        if (italic)
        {
            properties.Italic = new Italic();
            properties.ItalicComplexScript = new ItalicComplexScript();
        }

        if (underline)
        {
            properties.Underline = new Underline { Val = UnderlineValues.Single };
        }

        return new Run(properties, new Text(XmlSafe(text)) { Space = SpaceProcessingModeValues.Preserve });
    }

    /// <summary>
    /// The text without the characters XML cannot hold (control characters, a lone surrogate): typed in a form or a
    /// narrative, they would make the writer throw instead of giving the document.
    /// </summary>
    internal static string XmlSafe(string text)
    {
        if (text.All(c => System.Xml.XmlConvert.IsXmlChar(c)))
        {
            return text;
        }

        var safe = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (System.Xml.XmlConvert.IsXmlChar(text[i]))
            {
                safe.Append(text[i]);
            }
            else if (i + 1 < text.Length && System.Xml.XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                safe.Append(text[i]).Append(text[i + 1]);
                i++;
            }
        }

        return safe.ToString();
    }

    /// <summary>Times New Roman everywhere (document defaults), body size 14 pt, Vietnamese as the proofing language.</summary>
    private static void AddStyles(MainDocumentPart main)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var size = (BodySize * 2).ToString(CultureInfo.InvariantCulture);
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, ComplexScript = Font, EastAsia = Font },
                    new Color { Val = "000000" },
                    new FontSize { Val = size },
                    new FontSizeComplexScript { Val = size },
                    new Languages { Val = "vi-VN", EastAsia = "vi-VN", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            new Style(new StyleName { Val = "Normal Table" }, new UIPriority { Val = 99 }, new SemiHidden(),
                new StyleTableProperties(new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa }))
            { Type = StyleValues.Table, StyleId = "TableNormal", Default = true });
        part.Styles.Save();
    }

    /// <summary>The page number, centred in the top margin, 14 pt (shown from page 2: see TitlePage).</summary>
    private static Header PageNumberHeader()
    {
        var paragraph = Paragraph(JustificationValues.Center, Text(string.Empty, BodySize));
        paragraph.Append(new SimpleField(Text("1", BodySize)) { Instruction = " PAGE " });
        return new Header(paragraph);
    }
}

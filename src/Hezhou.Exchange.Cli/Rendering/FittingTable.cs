using Spectre.Console;
using Spectre.Console.Rendering;

namespace Hezhou.Exchange.Cli.Rendering;

/// <summary>One cell of a <see cref="FittingTable"/>: its text (lines separated by \n) and an optional style.</summary>
internal readonly record struct CellText(string Text, Style? Style = null)
{
    public static implicit operator CellText(string text) => new(text);
}

/// <summary>
/// A table that shows all of its content at any terminal width: as a table when every column fits unwrapped, and
/// otherwise as "header: value" lines, one block per row. Spectre.Console's own table squeezes columns that do not fit,
/// cutting headers to "…" and cells to a character or two, and a column squeezed to one cell that must hold a Chinese
/// character (two cells wide) never finishes rendering: Paragraph.SplitLines requeues the character forever. So no
/// column here is ever squeezed: the whole table fits, or it is not drawn as a table.
/// </summary>
internal sealed class FittingTable(string? title = null)
{
    private readonly List<(string Header, bool Right)> columns = [];
    private readonly List<CellText[]> rows = [];
    private bool keyValue;

    /// <summary>A table of labelled values (first column the label, second the value): narrow, it prints "label: value".</summary>
    public FittingTable KeyValue()
    {
        keyValue = true;
        return this;
    }

    public FittingTable Column(string header, bool rightAligned = false)
    {
        columns.Add((header, rightAligned));
        return this;
    }

    public FittingTable Row(params CellText[] cells)
    {
        if (cells.Length != columns.Count)
        {
            throw new ArgumentException($"A row of {cells.Length} cells in a table of {columns.Count} columns.", nameof(cells));
        }
        rows.Add(cells);
        return this;
    }

    public int RowCount => rows.Count;

    public void Render(IAnsiConsole console)
    {
        var table = AsTable();
        var natural = ((IRenderable)table).Measure(RenderOptions.Create(console, console.Profile.Capabilities), int.MaxValue).Max;
        if (natural <= console.Profile.Width)
        {
            console.Write(table);
        }
        else
        {
            RenderVertically(console);
        }
    }

    private Table AsTable()
    {
        var table = new Table();
        if (title is not null)
        {
            table.Title(Markup.Escape(title));
        }
        if (keyValue)
        {
            table.HideHeaders();
        }
        foreach (var (header, right) in columns)
        {
            var column = new TableColumn(new Text(header)).NoWrap();
            table.AddColumn(right ? column.RightAligned() : column);
        }
        foreach (var row in rows)
        {
            table.AddRow(row.Select(cell => (IRenderable)new Text(cell.Text, cell.Style ?? Style.Plain)));
        }
        return table;
    }

    private void RenderVertically(IAnsiConsole console)
    {
        if (title is not null)
        {
            console.Write(new Text(title + "\n", new Style(decoration: Decoration.Bold)));
        }
        foreach (var row in rows)
        {
            if (keyValue)
            {
                Line(console, row[0].Text, row[1]);
                continue;
            }
            for (var i = 0; i < columns.Count; i++)
            {
                if (row[i].Text.Length > 0)
                {
                    Line(console, columns[i].Header, row[i]);
                }
            }
            console.WriteLine();
        }
        if (keyValue)
        {
            console.WriteLine();
        }
    }

    private static void Line(IAnsiConsole console, string label, CellText cell)
    {
        // One paragraph, so that a long value wraps with its label at the terminal's width.
        var lines = cell.Text.Split('\n');
        var bold = new Style(decoration: Decoration.Bold);
        var style = cell.Style ?? Style.Plain;
        var paragraph = new Paragraph().Append($"  {label}:", bold);
        if (lines.Length == 1)
        {
            paragraph.Append(" " + lines[0], style);
        }
        else
        {
            foreach (var line in lines)
            {
                paragraph.Append("\n    " + line, style);
            }
        }
        console.Write(paragraph);
        console.WriteLine();
    }
}

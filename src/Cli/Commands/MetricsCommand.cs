using System.CommandLine;
using System.Globalization;
using FgsActors.Models.Metrics;

namespace FgsActors.Cli.Commands;

/// <summary>
/// <c>fgs metrics fid A.csv B.csv</c> and <c>fgs metrics is P.csv</c>: fidelity metrics of generated samples from
/// CSV files (one row per sample; see <see cref="NumericCsv"/> for the dialect). Each prints one number, at full
/// precision in invariant culture, on standard output; a malformed file is bad input (exit 2, <c>file:line:</c>).
/// </summary>
public static class MetricsCommand
{
    public static Command Create(CliContext cli) =>
        new("metrics", "fidelity metrics of generated samples from CSV files (FID, Inception-style score)")
        {
            CreateFid(cli),
            CreateIs(cli),
        };

    private static Command CreateFid(CliContext cli)
    {
        var first = new Argument<string>("A.csv") { Description = "feature vectors of the first set, one row per sample (e.g. real data)" };
        var second = new Argument<string>("B.csv") { Description = "feature vectors of the second set, one row per sample (e.g. generated)" };
        var command = new Command("fid", "Fréchet distance between Gaussians fitted to two sets of feature vectors (sample covariances, N − 1)")
        {
            first,
            second,
        };
        command.SetAction(parse => cli.Guard(() => AsUsage(() =>
        {
            var a = ReadFeatures(parse.GetValue(first)!);
            var b = ReadFeatures(parse.GetValue(second)!);
            if (a.Columns != b.Columns)
                throw new MetricsInputException(b.FileName, b.Lines[0],
                    $"found {b.Columns} values per row, but {a.FileName} has {a.Columns} (line {a.Lines[0]}): both sets need the same feature dimension");
            cli.Out.WriteLine(Format(Fid.FromFeatures(a.Rows, b.Rows)));
            return ExitCodes.Ok;
        })));
        return command;
    }

    private static Command CreateIs(CliContext cli)
    {
        var file = new Argument<string>("P.csv") { Description = "class probabilities p(y|x) of generated samples, one row per sample" };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "how far a row's sum may be from 1",
            DefaultValueFactory = _ => InceptionScore.DefaultTolerance,
        };
        var command = new Command("is", "Inception-style score exp(E_x KL(p(y|x) || p(y))) from a classifier's class probabilities")
        {
            file,
            tolerance,
        };
        command.SetAction(parse => cli.Guard(() => AsUsage(() =>
        {
            var slack = parse.GetValue(tolerance);
            if (!double.IsFinite(slack) || slack < 0 || slack >= 1)
                throw new UsageException($"--tolerance: expected a number in [0, 1), found {Format(slack)}");
            var table = NumericCsv.Read(parse.GetValue(file)!);
            for (var i = 0; i < table.Rows.Length; i++)
            {
                var problem = InceptionScore.CheckRow(table.Rows[i], slack);
                if (problem is not null) throw new MetricsInputException(table.FileName, table.Lines[i], problem);
            }
            cli.Out.WriteLine(Format(InceptionScore.FromProbabilities(table.Rows, slack)));
            return ExitCodes.Ok;
        })));
        return command;
    }

    private static NumericTable ReadFeatures(string path)
    {
        var table = NumericCsv.Read(path);
        if (table.Rows.Length < 2)
            throw new MetricsInputException(table.FileName, table.Lines[0],
                "expected at least 2 rows of features to estimate a covariance, found 1 (this one)");
        return table;
    }

    // The metrics readers report through MetricsInputException; the CLI's contract for bad input is UsageException.
    private static int AsUsage(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (MetricsInputException e)
        {
            throw new UsageException(e.Message);
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}

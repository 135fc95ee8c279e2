using System.Buffers.Binary;
using FgsActors.Cli.Reporting;
using FgsActors.Cli.Tests.Support;

namespace FgsActors.Cli.Tests.Reporting;

/// <summary>
/// <see cref="RunPlots.WriteAll"/> on small hand-made run directories (the exact column layouts of docs/model.md §8)
/// and on a real quickstart run: which plots are written, that they are PNG images of the documented size, and that
/// plots without data are skipped rather than drawn empty.
/// </summary>
public sealed class RunPlotsTests
{
    private const string RoundsHeader =
        "round,start_s,end_s,selected,completed,dropped_churn,dropped_battery,dropped_deadline,dropped_memory,dropped_link," +
        "bytes_up,bytes_down,energy_compute_j,energy_comm_j,energy_idle_j,aggregated,mean_staleness,test_accuracy,test_loss";

    private const string DevicesHeader =
        "id,tier,rounds_selected,rounds_completed,energy_j,battery_end_wh,online_fraction,deaths,energy_compute_j,energy_comm_j,energy_idle_j";

    private const string PartitionHeader =
        "client,class_0,class_1,class_2,class_3,class_4,class_5,class_6,class_7,class_8,class_9,total";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>A training run: evaluated rounds (every other one), battery and mains devices, a partition.</summary>
    private static void WriteTrainingRun(TempDir temp)
    {
        temp.Write("rounds.csv", string.Join('\n',
            RoundsHeader,
            "0,0,300,6,4,1,0,1,0,0,400000,600000,0.5,20,3,4,0,,",
            "1,300,600,6,5,0,1,0,0,0,500000,600000,0.6,22,4,5,0,0.42,1.7",
            "2,600,900,6,3,1,0,1,1,0,300000,600000,0.4,18,3,3,0,,",
            "3,900,1200,6,6,0,0,0,0,0,600000,600000,0.7,25,4,6,0,0.61,1.1",
            "4,1200,,6,2,0,0,0,0,1,200000,600000,0.2,9,1,2,,,") + "\n");
        temp.Write("devices.csv", string.Join('\n',
            DevicesHeader,
            "0,smartphone,3,2,2160.5,14.6,0.9,0,0.3,0.2,2160",
            "1,smartphone,2,2,2170.1,0,0.7,1,0.4,9.7,2160",
            "2,gateway,4,4,14400.9,,1,0,0.6,0.3,14400",
            "3,microcontroller,1,0,3.6,0.41,0.5,0,0,0.1,3.5",
            "4,sbc,2,1,19440.2,,0.8,0,0.1,0.1,19440") + "\n");
        temp.Write("partition.csv", string.Join('\n',
            PartitionHeader,
            "0,10,0,0,5,0,0,0,0,0,5,20",
            "1,0,12,0,0,0,3,0,0,0,0,15",
            "2,3,3,3,3,3,3,3,3,3,3,30") + "\n");
        temp.Write("online.csv", "time_s,online_devices\n0,0\n0.011,4\n300.011,3\n900.011,5\n");
        temp.Write("summary.json", """
            { "scenario": "config/scenarios/hand-made.conf", "virtual_time_s": 1500, "target_accuracy": 0.85, "devices": 5 }
            """);
    }

    /// <summary>
    /// The training run as a generator run: the fidelity columns appended to rounds.csv (evaluated on rounds 1 and 3)
    /// and training_task = generator in summary.json.
    /// </summary>
    private static void WriteGeneratorRun(TempDir temp)
    {
        WriteTrainingRun(temp);
        var rounds = File.ReadAllLines(temp.At("rounds.csv"));
        string[] fidelity = [",,,,,,", ",31.5,2.1,0.6,0.4,35.2,51.0", ",,,,,,", ",18.25,3.4,0.9,0.62,20.5,33.1", ",,,,,,"];
        temp.Write("rounds.csv", string.Join('\n',
            [rounds[0] + ",fid,is,coverage,conditional_accuracy,local_fid_mean,local_fid_max",
                .. rounds.Skip(1).Select((line, i) => line + fidelity[i])]) + "\n");
        temp.Write("summary.json", """
            { "scenario": "config/scenarios/hand-made.conf", "virtual_time_s": 1500, "training_task": "generator" }
            """);
    }

    /// <summary>A run without training (no accuracy), mains devices only, no partition, no summary.json.</summary>
    private static void WriteNumbersOnlyRun(TempDir temp)
    {
        temp.Write("rounds.csv", string.Join('\n',
            RoundsHeader,
            "0,60,360,26,22,0,0,4,0,0,2261300,2301646.830555654,0.14158650286677077,46.09260136497998,11.454279596981056,22,0,,",
            "1,360,660,26,20,0,0,2,4,0,2055400,2077573.2846722924,0.14109427739528957,25.129668697656026,9.031216170717515,20,0,,",
            "2,660,,26,22,1,0,0,0,0,2267100,2262700,0.17129242192839553,2.653649054907621,8.88841644539798,22,0,,") + "\n");
        temp.Write("devices.csv", string.Join('\n',
            DevicesHeader,
            "0,gateway,1,1,14400.3,,1,0,0.1,0.2,14400",
            "1,sbc,0,0,19440,,0.31774873115027774,0,0,0,19440") + "\n");
    }

    private static void AssertPng(string path, int? width = null, int? height = null)
    {
        Assert.True(File.Exists(path), $"missing {path}");
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1000, $"{path} has only {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
        // The IHDR chunk comes first: width and height, big-endian, at bytes 16..23.
        if (width is { } w) Assert.Equal(w, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        if (height is { } h) Assert.Equal(h, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4)));
    }

    private static string[] Names(IEnumerable<string> paths) => paths.Select(Path.GetFileName).ToArray()!;

    [Fact]
    public void Generator_run_gets_the_fid_plots_too()
    {
        using var temp = new TempDir();
        WriteGeneratorRun(temp);

        var written = RunPlots.WriteAll(temp.Path);

        Assert.Equal(RunPlots.AllFileNames, Names(written));
        AssertPng(temp.At(RunPlots.FidVsTime), 900, 500);
        AssertPng(temp.At(RunPlots.FidVsRound), 900, 500);
        AssertPng(temp.At(RunPlots.CostToFid), 900, 500);
    }

    [Fact]
    public void Training_run_gets_every_plot_in_the_documented_order()
    {
        using var temp = new TempDir();
        WriteTrainingRun(temp);

        var written = RunPlots.WriteAll(temp.Path);

        // A classifier run has no fidelity columns, so no FID plots.
        string[] fidPlots = [RunPlots.FidVsTime, RunPlots.FidVsRound, RunPlots.CostToFid];
        Assert.Equal(RunPlots.AllFileNames.Except(fidPlots), Names(written));
        foreach (var path in written)
        {
            Assert.Equal(temp.Path, Path.GetDirectoryName(path));
            AssertPng(path);
        }

        AssertPng(temp.At(RunPlots.AccuracyVsTime), 900, 500);
        AssertPng(temp.At(RunPlots.DropoutsPerRound), 900, 500);
        AssertPng(temp.At(RunPlots.EnergyByTier), 1200, 500);
        AssertPng(temp.At(RunPlots.OnlineDevices), 900, 500);
    }

    [Fact]
    public void Online_rows_become_steps_to_the_end_and_a_time_weighted_mean()
    {
        using var temp = new TempDir();
        WriteTrainingRun(temp);
        var run = RunData.Load(temp.Path);
        Assert.Equal([new OnlineRow(0, 0), new OnlineRow(0.011, 4), new OnlineRow(300.011, 3), new OnlineRow(900.011, 5)], run.Online);
        Assert.Equal(5, run.FleetDevices);

        var (x, y) = RunPlots.Steps(run.Online, 1500);
        Assert.Equal([0, 0.011, 0.011, 300.011, 300.011, 900.011, 900.011, 1500], x);
        Assert.Equal([0, 0, 4, 4, 3, 3, 5, 5], y);
        // (0 × 0.011 + 4 × 300 + 3 × 600 + 5 × 599.989) / 1500
        Assert.Equal((4 * 300 + 3 * 600 + 5 * 599.989) / 1500, RunPlots.TimeWeightedMean(run.Online, 1500), 9);
    }

    [Fact]
    public void Run_without_training_batteries_or_partition_skips_those_plots()
    {
        using var temp = new TempDir();
        WriteNumbersOnlyRun(temp);

        var written = RunPlots.WriteAll(temp.Path);

        Assert.Equal([RunPlots.EnergyByTier, RunPlots.EnergyCumulative, RunPlots.BytesCumulative, RunPlots.DropoutsPerRound], Names(written));
        foreach (var path in written) AssertPng(path);
        Assert.False(File.Exists(temp.At(RunPlots.AccuracyVsTime)));
        Assert.False(File.Exists(temp.At(RunPlots.BatteryEnd)));
        Assert.False(File.Exists(temp.At(RunPlots.PartitionClasses)));
    }

    [Fact]
    public void Rounds_file_without_accuracy_columns_is_read_as_a_run_without_training()
    {
        using var temp = new TempDir();
        temp.Write("rounds.csv",
            "round,start_s,end_s,selected,completed,dropped_churn,dropped_battery,dropped_deadline,dropped_memory,dropped_link," +
            "bytes_up,bytes_down,energy_compute_j,energy_comm_j,energy_idle_j,aggregated,mean_staleness\n" +
            "0,0,300,4,4,0,0,0,0,0,1000,2000,0.1,1,0.5,4,0\n");

        var written = RunPlots.WriteAll(temp.Path);

        Assert.Equal([RunPlots.EnergyCumulative, RunPlots.BytesCumulative, RunPlots.DropoutsPerRound], Names(written));
    }

    [Fact]
    public void Round_and_device_figures_are_read_as_written()
    {
        using var temp = new TempDir();
        WriteTrainingRun(temp);

        var run = RunData.Load(temp.Path);

        Assert.Equal(5, run.Rounds.Count);
        Assert.Equal(0.42, run.Rounds[1].TestAccuracy);
        Assert.Null(run.Rounds[0].TestAccuracy);
        Assert.Null(run.Rounds[4].EndS);
        Assert.Equal(1, run.Rounds[4].DroppedLink);
        Assert.Equal(5, run.Devices.Count);
        Assert.Null(run.Devices[2].BatteryEndWh);
        Assert.Equal(0.41, run.Devices[3].BatteryEndWh);
        Assert.Equal([0, 12, 0, 0, 0, 3, 0, 0, 0, 0], run.Partition[1]);
        Assert.Equal(1500, run.EndS);
        Assert.Equal(0.85, run.TargetAccuracy);
        Assert.Equal("hand-made", run.Name);
    }

    [Fact]
    public void Plots_can_go_to_another_directory()
    {
        using var temp = new TempDir();
        WriteNumbersOnlyRun(temp);
        var target = temp.At("plots");

        var written = RunPlots.WriteAll(temp.Path, target);

        Assert.NotEmpty(written);
        Assert.All(written, path => Assert.Equal(target, Path.GetDirectoryName(path)));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.png"));
    }

    [Fact]
    public void Run_without_fleet_tables_gets_no_plots()
    {
        using var temp = new TempDir();
        temp.Write("summary.json", """{ "scenario": "phold-small.conf", "virtual_time_s": 100 }""");

        Assert.Empty(RunPlots.WriteAll(temp.Path));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.png"));
    }

    [Fact]
    public void Renderer_finds_a_font_for_the_plot_text()
    {
        // scripts/setup.sh installs fonts-dejavu-core as root where /usr/share/fonts has none.
        Assert.Null(RunPlots.FontWarning);
    }

    [Fact]
    public void Missing_directory_is_reported()
    {
        using var temp = new TempDir();
        Assert.Throws<DirectoryNotFoundException>(() => RunPlots.WriteAll(temp.At("nope")));
    }

    [Fact]
    public void Malformed_cell_names_file_line_and_column()
    {
        using var temp = new TempDir();
        temp.Write("rounds.csv", RoundsHeader + "\n0,0,300,4,4,0,0,0,0,0,lots,2000,0.1,1,0.5,4,0,,\n");

        var error = Assert.Throws<InvalidDataException>(() => RunPlots.WriteAll(temp.Path));

        Assert.Contains("rounds.csv", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("bytes_up", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Quickstart_run_is_plotted_from_its_directory()
    {
        using var temp = new TempDir();
        var outDir = temp.At("quickstart");
        Fgs.RunOk("run", Repo.Quickstart, "--out", outDir, "--quiet");

        var written = RunPlots.WriteAll(outDir);

        // The quickstart fleet trains nothing and has no partition; its phones and microcontrollers have batteries.
        Assert.Equal(
            [RunPlots.EnergyByTier, RunPlots.EnergyCumulative, RunPlots.BytesCumulative, RunPlots.DropoutsPerRound, RunPlots.OnlineDevices,
                RunPlots.BatteryEnd],
            Names(written));
        foreach (var path in written) AssertPng(path);

        // Plotting again (as `fgs report` would) replaces the files.
        Assert.Equal(written, RunPlots.WriteAll(outDir));
    }
}

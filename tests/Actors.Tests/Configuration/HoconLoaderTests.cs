using FgsActors.Actors.Configuration;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Actors.Tests.Configuration;

public sealed class HoconLoaderTests : IDisposable
{
    private readonly TempConfigDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void WithoutAScenarioEveryKeyComesFromTheBuiltInReference()
    {
        var tree = HoconLoader.Load(null).Tree;

        Assert.Equal(FgsKeys.All.Order(StringComparer.Ordinal), tree.Under("fgs").Select(e => e.Path).Where(p => !ShippedConfigTests.IsTierKey(p)));
        Assert.All(tree.Under("fgs"), e => Assert.Equal("reference.conf", e.Origin));
        Assert.Equal("auto", tree.Find("fgs.kernel.partitions")!.Value);
        Assert.Equal("", tree.Find("fgs.output.dir")!.Value);
    }

    [Fact]
    public void IncludesResolveRelativeToTheIncludingFileAndLaterKeysWin()
    {
        _dir.Write("base.conf", "fgs {\n  run.seed = 5\n  phold.lps = 10\n}\n");
        _dir.Write("scenarios/nested/common.conf", "include \"../../base.conf\"\nfgs.phold.lps = 20\n");
        var scenario = _dir.Write("scenarios/nested/s.conf", "fgs.phold.lps = 1\ninclude \"common.conf\"\nfgs.run.end = 2h\n");

        var tree = HoconLoader.Load(scenario).Tree;

        // The include comes after "lps = 1", so the included file's 20 wins, as the HOCON spec says.
        Assert.Equal("20", tree.Find("fgs.phold.lps")!.Value);
        Assert.Equal($"{_dir.PathOf("scenarios/nested/common.conf")}:2", tree.Find("fgs.phold.lps")!.Origin);
        Assert.Equal("5", tree.Find("fgs.run.seed")!.Value);
        Assert.Equal($"{_dir.PathOf("base.conf")}:2", tree.Find("fgs.run.seed")!.Origin);
        Assert.Equal($"{_dir.PathOf("scenarios/nested/s.conf")}:3", tree.Find("fgs.run.end")!.Origin);
        Assert.Equal("reference.conf", tree.Find("fgs.run.name")!.Origin);
    }

    [Fact]
    public void AnIncludeInsideAnObjectLandsUnderIt()
    {
        _dir.Write("kernel.conf", "partitions = 3\n");
        var scenario = _dir.Write("s.conf", "fgs.kernel {\n  include \"kernel.conf\"\n}\n");

        var entry = HoconLoader.Load(scenario).Tree.Find("fgs.kernel.partitions")!;

        Assert.Equal("3", entry.Value);
        Assert.Equal($"{_dir.PathOf("kernel.conf")}:1", entry.Origin);
    }

    [Fact]
    public void TheSameFileMayBeIncludedTwice()
    {
        _dir.Write("lps.conf", "fgs.phold.lps = 7\n");
        var scenario = _dir.Write("s.conf", "include \"lps.conf\"\nfgs.phold.lps = 8\ninclude \"lps.conf\"\n");

        Assert.Equal("7", HoconLoader.Load(scenario).Tree.Find("fgs.phold.lps")!.Value);
    }

    [Fact]
    public void AMissingIncludeNamesTheMissingAndTheIncludingFile()
    {
        var scenario = _dir.Write("s.conf", "# scenario\ninclude \"../nowhere/reference.conf\"\n");

        var error = Assert.Throws<ConfigFileException>(() => HoconLoader.Load(scenario));

        Assert.Equal(scenario, error.File);
        Assert.Equal(2, error.Line);
        Assert.Equal(
            $"{scenario}:2: include \"../nowhere/reference.conf\": file not found (looked for {Path.GetFullPath(Path.Combine(_dir.Root, "../nowhere/reference.conf"))})",
            error.Message);
    }

    [Fact]
    public void AnIncludeCycleIsReported()
    {
        _dir.Write("a.conf", "include \"b.conf\"\n");
        _dir.Write("b.conf", "x = 1\ninclude \"a.conf\"\n");

        var error = Assert.Throws<ConfigFileException>(() => HoconLoader.Load(_dir.PathOf("a.conf")));

        Assert.Equal(_dir.PathOf("b.conf"), error.File);
        Assert.Equal(2, error.Line);
        Assert.EndsWith($"makes a cycle: {_dir.PathOf("a.conf")} -> {_dir.PathOf("b.conf")} -> {_dir.PathOf("a.conf")}", error.Message);
    }

    [Fact]
    public void AMissingScenarioFileIsAConfigFileException()
    {
        var missing = _dir.PathOf("absent.conf");
        var error = Assert.Throws<ConfigFileException>(() => HoconLoader.Load(missing));
        Assert.Equal($"{missing}: file not found (looked for {missing})", error.Message);
    }

    [Fact]
    public void ASyntaxErrorNamesTheFileAndLine()
    {
        var scenario = _dir.Write("s.conf", "fgs {\n  run {\n    name = \"unclosed\n  }\n}\n");

        var error = Assert.Throws<ConfigFileException>(() => HoconLoader.Load(scenario));

        Assert.Equal($"{scenario}:3: unterminated string: a quoted string must end on the line where it starts", error.Message);
    }

    [Fact]
    public void ASyntaxErrorInAnIncludedFileNamesThatFile()
    {
        var included = _dir.Write("inc.conf", "a = 1\nb = [1, 2\n");
        var scenario = _dir.Write("s.conf", "include \"inc.conf\"\n");

        var error = Assert.Throws<ConfigFileException>(() => HoconLoader.Load(scenario));

        Assert.Equal(included, error.File);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void SetOverridesWinOverTheScenarioAndEachOtherInOrder()
    {
        var scenario = _dir.Write("s.conf", "fgs.kernel.partitions = 2\nfgs.run.seed = 3\n");

        var tree = HoconLoader.Load(scenario, ["fgs.kernel.partitions=8", "fgs.run.seed = 4", "fgs.run.seed=5", "fgs.run.name=\"two words\""]).Tree;

        Assert.Equal("8", tree.Find("fgs.kernel.partitions")!.Value);
        Assert.Equal("--set", tree.Find("fgs.kernel.partitions")!.Origin);
        Assert.Equal("5", tree.Find("fgs.run.seed")!.Value);
        Assert.Equal("two words", tree.Find("fgs.run.name")!.Value);
    }

    [Fact]
    public void ASetCanReplaceAWholeSection()
    {
        var tree = HoconLoader.Load(null, ["fgs.kernel={ partitions = 3, workers = 2 }"]).Tree;

        Assert.Equal(("3", "--set"), (tree.Find("fgs.kernel.partitions")!.Value, tree.Find("fgs.kernel.partitions")!.Origin));
        Assert.Equal("2", tree.Find("fgs.kernel.workers")!.Value);
    }

    [Theory]
    [InlineData("fgs.kernel.partitions", "--set fgs.kernel.partitions: expected key=value, e.g. --set fgs.kernel.partitions=4")]
    [InlineData("=4", "--set =4: the key before '=' is empty")]
    [InlineData(" = 4", "--set  = 4: the key before '=' is empty")]
    [InlineData("fgs..seed=1", "--set fgs..seed=1: 'fgs..seed' is not a key: expected names of letters, digits, '-' or '_' joined by dots, e.g. fgs.run.seed")]
    [InlineData("fgs.run.name=", "--set fgs.run.name=: there is no value after '='; write \"\" for an empty string")]
    [InlineData("fgs.run.seed=1\nfgs.run.end=5s", "--set fgs.run.seed=1\nfgs.run.end=5s: the value must be a single HOCON value, but it also sets 'fgs.run.end'")]
    public void AMalformedSetIsAConfigException(string argument, string message)
    {
        var error = Assert.Throws<ConfigException>(() => HoconLoader.Load(null, [argument]));

        Assert.Equal(message, error.Message);
        Assert.Equal("--set", error.Origin);
        Assert.Equal(argument, error.Found);
    }

    [Fact]
    public void ASetWithBadHoconNamesTheArgument()
    {
        var error = Assert.Throws<ConfigFileException>(() => HoconLoader.Load(null, ["fgs.run.seed=[1, 2"]));

        Assert.Equal("--set fgs.run.seed=[1, 2: '[' opened at line 1 is never closed", error.Message);
        Assert.Null(error.Line);
    }

    [Fact]
    public void UnknownKeysInAFileAreReportedWithFileLineAndSuggestion()
    {
        var scenario = _dir.Write("s.conf", "fgs {\n  kernal {\n    partitions = 4\n  }\n}\n");

        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(HoconLoader.Load(scenario).Tree, 4));

        Assert.Equal($"unknown config key 'fgs.kernal.partitions' in {scenario}:3; did you mean 'fgs.kernel.partitions'?", error.Message);
    }

    [Fact]
    public void ABadValueIsReportedWhereItWasSet()
    {
        var scenario = _dir.Write("s.conf", "include \"ref.conf\"\nfgs.kernel.partitions = -3\n");
        _dir.Write("ref.conf", "fgs.kernel.partitions = auto\n");

        var error = Assert.Throws<ConfigException>(() => FgsSettings.Bind(HoconLoader.Load(scenario).Tree, 4));

        Assert.Equal($"config key 'fgs.kernel.partitions' in {scenario}:2: expected an integer >= 1 or \"auto\", found \"-3\"", error.Message);
    }

    [Fact]
    public void ListsAndNullsFlattenToTheirOwnForms()
    {
        var scenario = _dir.Write("s.conf", "x {\n  list = [1, \"b c\", 3s]\n  none = null\n  empty {}\n}\n");

        var tree = HoconLoader.Load(scenario).Tree;

        Assert.Equal(["1", "b c", "3s"], tree.Find("x.list")!.List);
        Assert.Null(tree.Find("x.list")!.Value);
        Assert.Null(tree.Find("x.none")!.Value);
        Assert.Null(tree.Find("x.none")!.List);
        Assert.Contains("x.empty", tree.ObjectPaths);
    }

    [Fact]
    public void ListsOfObjectsAreRefusedBecauseAkkaMisreadsThem()
    {
        var scenario = _dir.Write("s.conf", "x = [{ a = 1 }, { b = 2 }]\n");

        var error = Assert.Throws<ConfigException>(() => HoconLoader.Load(scenario));

        Assert.Equal("x", error.Key);
        Assert.Equal($"{scenario}:1", error.Origin);
    }

    [Fact]
    public void TheAkkaFormKeepsOtherSectionsForTheActorSystem()
    {
        var scenario = _dir.Write("s.conf", "akka.loglevel = DEBUG\n");

        var loaded = HoconLoader.Load(scenario);

        Assert.Equal("DEBUG", loaded.Config.GetString("akka.loglevel"));
        Assert.Equal("phold", loaded.Config.GetString("fgs.run.model"));
    }
}

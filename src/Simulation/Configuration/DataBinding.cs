namespace FgsActors.Simulation.Configuration;

/// <summary>
/// Reads <c>fgs.data</c>. Every key is checked whatever the data set and partition, like the other sections; the
/// Fashion-MNIST directory is resolved (against the config file that set it) but not opened: a missing data set is
/// reported by the loader when a run trains on it.
/// </summary>
internal static class DataBinding
{
    /// <summary>Word of <c>train-samples</c> and <c>test-samples</c> meaning the whole set.</summary>
    public const string AllSamples = "all";

    private static readonly (string Word, DatasetKind Kind)[] DatasetWords =
        [("fashion-mnist", DatasetKind.FashionMnist), ("synthetic", DatasetKind.Synthetic)];

    private static readonly (string Word, PartitionScheme Scheme)[] PartitionWords =
    [
        ("iid", PartitionScheme.Iid), ("dirichlet", PartitionScheme.Dirichlet),
        ("shards", PartitionScheme.Shards), ("quantity", PartitionScheme.Quantity),
    ];

    public static DataConfig Bind(SettingsReader reader)
    {
        var dataset = reader.GetChoice(FgsKeys.DataDataset, DatasetWords);
        var directory = reader.GetPath(FgsKeys.DataFashionMnistDir);
        if (dataset == DatasetKind.FashionMnist && directory.Length == 0)
        {
            throw ConfigException.InvalidValue(
                reader.Tree.Find(FgsKeys.DataFashionMnistDir)!,
                $"the directory of the Fashion-MNIST IDX files (required when {FgsKeys.DataDataset} = fashion-mnist)");
        }
        return new DataConfig(
            dataset,
            directory,
            reader.GetIntOrWord(FgsKeys.DataTrainSamples, AllSamples, 0),
            reader.GetIntOrWord(FgsKeys.DataTestSamples, AllSamples, 0),
            reader.GetInt(FgsKeys.DataSyntheticTrainSamples, 1),
            reader.GetInt(FgsKeys.DataSyntheticTestSamples, 1),
            reader.GetChoice(FgsKeys.DataPartition, PartitionWords),
            reader.GetDouble(FgsKeys.DataDirichletAlpha, 0, minExclusive: true),
            reader.GetInt(FgsKeys.DataShardClasses, 1, DataConfig.ClassCount),
            reader.GetDouble(FgsKeys.DataQuantityBeta, 0, minExclusive: true),
            reader.GetInt(FgsKeys.DataMinSamplesPerClient, 0));
    }
}

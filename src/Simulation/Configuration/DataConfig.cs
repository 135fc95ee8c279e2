namespace FgsActors.Simulation.Configuration;

/// <summary>What <c>fgs.data.dataset</c> chose: the data clients train on when <c>fgs.training.enabled</c>.</summary>
public enum DatasetKind
{
    /// <summary>Fashion-MNIST (Xiao et al., 2017): 60,000 training and 10,000 test 28x28 grey images in 10 classes, read from IDX files.</summary>
    FashionMnist,

    /// <summary>Generated, seeded data shaped like Fashion-MNIST (28x28, 10 classes), for tests and machines without the data set.</summary>
    Synthetic,
}

/// <summary>What <c>fgs.data.partition</c> chose: how the training set is split among clients.</summary>
public enum PartitionScheme
{
    /// <summary>Homogeneous: a uniformly random split into equal parts.</summary>
    Iid,

    /// <summary>Label skew: each class's samples are split among clients in proportions drawn from Dir(<see cref="DataConfig.DirichletAlpha"/>).</summary>
    Dirichlet,

    /// <summary>Label skew "#C = k": each client holds samples of only <see cref="DataConfig.ShardClasses"/> classes.</summary>
    Shards,

    /// <summary>Quantity skew: client data set sizes in proportions drawn from Dir(<see cref="DataConfig.QuantityBeta"/>), labels IID.</summary>
    Quantity,
}

/// <summary>
/// The <c>fgs.data</c> section: the data set real training uses and how it is partitioned among clients (the schemes
/// of NIID-Bench, Li et al., ICDE 2022). Bound and checked for every run; the data files are not opened here.
/// </summary>
/// <param name="Dataset">Fashion-MNIST or synthetic data.</param>
/// <param name="FashionMnistDir">
/// Directory of the Fashion-MNIST IDX files (<c>{train,t10k}-{images-idx3,labels-idx1}-ubyte[.gz]</c>), resolved against
/// the config file that set it; not checked for existence at binding.
/// </param>
/// <param name="TrainSamples">Training samples used: a seeded subset of this size (>= 0), or null for all of them.</param>
/// <param name="TestSamples">Test samples used: a seeded subset of this size (>= 0), or null for all of them.</param>
/// <param name="SyntheticTrainSamples">Training samples generated for <see cref="DatasetKind.Synthetic"/> (>= 1).</param>
/// <param name="SyntheticTestSamples">Test samples generated for <see cref="DatasetKind.Synthetic"/> (>= 1).</param>
/// <param name="Partition">How the training set is split among clients.</param>
/// <param name="DirichletAlpha">Concentration α of <see cref="PartitionScheme.Dirichlet"/> (> 0; smaller is more skewed).</param>
/// <param name="ShardClasses">Classes per client under <see cref="PartitionScheme.Shards"/>, in [1, <see cref="ClassCount"/>].</param>
/// <param name="QuantityBeta">Concentration β of <see cref="PartitionScheme.Quantity"/> (> 0; smaller is more skewed).</param>
/// <param name="MinSamplesPerClient">Fewest training samples a client may get (>= 0); skewed partitions are redrawn until every client has at least this many.</param>
public sealed record DataConfig(
    DatasetKind Dataset,
    string FashionMnistDir,
    int? TrainSamples,
    int? TestSamples,
    int SyntheticTrainSamples,
    int SyntheticTestSamples,
    PartitionScheme Partition,
    double DirichletAlpha,
    int ShardClasses,
    double QuantityBeta,
    int MinSamplesPerClient)
{
    /// <summary>Classes of both data sets, the upper bound of <see cref="ShardClasses"/>.</summary>
    public const int ClassCount = 10;
}

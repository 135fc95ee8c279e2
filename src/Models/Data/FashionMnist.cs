namespace FgsActors.Models.Data;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf, 2017): 60,000 training and 10,000 test grey images of 28×28 pixels in
/// 10 clothing classes, read from the four gzip'ed IDX files of the original distribution.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where <c>apt-get install dataset-fashion-mnist</c> puts the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The configuration key that points at another directory.</summary>
    public const string ConfigKey = "fgs.data.fashion-mnist-dir";

    /// <summary>Number of classes.</summary>
    public const int Classes = 10;

    /// <summary>Image height and width, pixels.</summary>
    public const int ImageSize = 28;

    public const string TrainImagesFile = "train-images-idx3-ubyte.gz";
    public const string TrainLabelsFile = "train-labels-idx1-ubyte.gz";
    public const string TestImagesFile = "t10k-images-idx3-ubyte.gz";
    public const string TestLabelsFile = "t10k-labels-idx1-ubyte.gz";

    /// <summary>What to do when the files are missing; part of every not-found message.</summary>
    public const string InstallHint =
        "install with `apt-get install dataset-fashion-mnist` (files land in " + DefaultDirectory +
        ") or set the config key `" + ConfigKey + "` to another directory";

    /// <summary>Class names by label.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>
    /// Loads the training and test sets from <paramref name="directory"/>. Each file is looked up by its .gz name
    /// and, failing that, by the same name without .gz (an unpacked copy).
    /// </summary>
    /// <exception cref="DataFileException">A directory or file is missing (the message says how to install the data
    /// set), or a file is malformed, or its images are not 28×28.</exception>
    public static (ImageDataset Train, ImageDataset Test) Load(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        if (!Directory.Exists(directory))
            throw new DataFileException(directory, $"Fashion-MNIST directory not found; {InstallHint}");
        string[] names = [TrainImagesFile, TrainLabelsFile, TestImagesFile, TestLabelsFile];
        var paths = names.Select(name => Locate(directory, name)).ToArray();
        var missing = names.Where((_, i) => paths[i] is null).ToArray();
        if (missing.Length > 0)
            throw new DataFileException(Path.Combine(directory, missing[0]),
                $"Fashion-MNIST file{(missing.Length == 1 ? "" : "s")} {string.Join(", ", missing)} not found in {directory}; {InstallHint}");
        return (Read(paths[0]!, paths[1]!), Read(paths[2]!, paths[3]!));
    }

    private static string? Locate(string directory, string gzName)
    {
        var gz = Path.Combine(directory, gzName);
        if (File.Exists(gz))
            return gz;
        var plain = Path.Combine(directory, Path.GetFileNameWithoutExtension(gzName));
        return File.Exists(plain) ? plain : null;
    }

    private static ImageDataset Read(string imagesPath, string labelsPath)
    {
        var data = IdxFile.ReadDataset(imagesPath, labelsPath, Classes);
        if (data.Height != ImageSize || data.Width != ImageSize)
            throw new DataFileException(imagesPath,
                $"expected {ImageSize}×{ImageSize} Fashion-MNIST images, found {data.Height}×{data.Width}");
        return data;
    }
}

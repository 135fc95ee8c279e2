using FgsActors.Cli.Reporting;
using FgsActors.Models.Data;
using FgsActors.Models.Generative;

namespace FgsActors.Cli.Hosting;

/// <summary>samples.png: the generator's last evaluation images, one row per class (Fashion-MNIST's names), 10 per row.</summary>
public static class SampleGrids
{
    public const string FileName = "samples.png";

    /// <summary>Images shown per class.</summary>
    public const int PerClass = 10;

    /// <summary>
    /// Writes the first <see cref="PerClass"/> images of each class of <paramref name="labels"/> (images in class order,
    /// as evaluations make them) into <paramref name="directory"/>/samples.png.
    /// </summary>
    public static void Write(float[] images, int[] labels, IGenerativeModel model, string directory)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(model);
        var size = model.Image.Elements;
        var shown = Enumerable.Range(0, model.Classes).Min(c => labels.Count(l => l == c));
        var perClass = Math.Min(PerClass, shown);
        if (perClass == 0) return;
        var chosen = Enumerable.Range(0, labels.Length).GroupBy(i => labels[i]).OrderBy(g => g.Key).SelectMany(g => g.Take(perClass)).ToArray();
        var pixels = new float[chosen.Length * size];
        for (var j = 0; j < chosen.Length; j++) images.AsSpan(chosen[j] * size, size).CopyTo(pixels.AsSpan(j * size, size));
        var names = model.Classes == FashionMnist.ClassNames.Count ? FashionMnist.ClassNames : null;
        SampleGridImage.Write(Path.Combine(directory, FileName), pixels, chosen.Select(i => labels[i]).ToArray(),
            model.Image.Height, model.Image.Width, model.Classes, perClass, names);
    }
}

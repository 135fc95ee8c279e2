using FgsActors.Models.Generative;
using FgsActors.Models.Generative.Gan;
using FgsActors.Models.Generative.Vae;
using FgsActors.Simulation.Configuration;

namespace FgsActors.Cli.Hosting;

/// <summary>The generator fgs.generative.model names, with the architecture's defaults (docs/generative.md).</summary>
public static class GeneratorCatalog
{
    public static IGenerativeModel Create(GenerativeConfig generative)
    {
        ArgumentNullException.ThrowIfNull(generative);
        return generative.Model switch
        {
            GeneratorModel.CGan => new ConditionalGan(),
            GeneratorModel.Ddpm => CreateDiffusion(generative),
            _ => new ConditionalVae(),
        };
    }

    private static IGenerativeModel CreateDiffusion(GenerativeConfig generative) =>
        throw new NotSupportedException("ddpm: pending");
}

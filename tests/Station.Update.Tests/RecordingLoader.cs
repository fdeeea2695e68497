using Station.Core.Update;

namespace Station.Update.Tests;

/// <summary>The runtime's assembly loading as the loader's tests see it: records each assembly loaded (name and
/// length), refuses the one named <see cref="Refuse"/>.</summary>
sealed class RecordingLoader : IImageLoader
{
    public readonly List<string> Loaded = new();
    public string Refuse;

    public bool Load(string name, byte[] image)
    {
        if (name == Refuse) return false;
        Loaded.Add(name + ":" + image.Length);
        return true;
    }
}

using Station.Core.Config;

namespace Station.Core.Update
{
    /// <summary>What a signed bundle says it holds, as <see cref="ManifestParser"/> read it. The manifest text is the
    /// signed part; the assemblies are bound to it by their sizes and SHA-256.</summary>
    /// <remarks>
    /// Text format, ASCII, one field a line, each line ending in LF, in exactly this order:
    /// <code>
    /// station-bundle 1
    /// firmware 0.2.0
    /// commit 3f2a9c1
    /// board esp32-devkitc
    /// min-loader 1
    /// assembly Station.Core.pe 40213 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
    /// </code>
    /// then one <c>assembly</c> line per assembly (name, size in bytes, SHA-256 in lower-case hex), in load order.
    /// </remarks>
    public sealed class BundleManifest
    {
        /// <summary>The manifest format this firmware reads.</summary>
        public const int Format = 1;

        /// <summary>Most assemblies one bundle may carry.</summary>
        public const int MaxAssemblies = 16;

        /// <summary>Largest manifest text accepted, in bytes.</summary>
        public const int MaxLength = 2048;

        /// <summary>Largest single assembly accepted, in bytes (a .pe is far below: 64 KB of byte code plus metadata).</summary>
        public const int MaxAssemblySize = 262144;

        /// <summary>The firmware version text ("0.2.0").</summary>
        public string Version;

        /// <summary>The version as <see cref="FirmwareVersionNumber"/> computes it.</summary>
        public long VersionNumber;

        /// <summary>The commit the build came from.</summary>
        public string Commit;

        /// <summary>The board identifier it was built for.</summary>
        public string Board;

        /// <summary>The lowest loader version that can start it.</summary>
        public int MinimumLoader;

        /// <summary>How many assemblies follow.</summary>
        public int AssemblyCount;

        /// <summary>Assembly file names, load order.</summary>
        public readonly string[] AssemblyNames = new string[MaxAssemblies];

        /// <summary>Assembly sizes in bytes.</summary>
        public readonly int[] AssemblySizes = new int[MaxAssemblies];

        /// <summary>Assembly SHA-256 digests (32 bytes each).</summary>
        public readonly byte[][] AssemblyHashes = NewHashes();

        /// <summary>The 1-based manifest line where parsing stopped, when it failed.</summary>
        public int ErrorLine;

        /// <summary>Sum of the assembly sizes.</summary>
        public int PayloadLength()
        {
            int total = 0;
            for (int i = 0; i < AssemblyCount; i++) total += AssemblySizes[i];
            return total;
        }

        static byte[][] NewHashes()
        {
            byte[][] h = new byte[MaxAssemblies][];
            for (int i = 0; i < MaxAssemblies; i++) h[i] = new byte[Sha256.Length];
            return h;
        }
    }
}

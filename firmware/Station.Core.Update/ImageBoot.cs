using Station.Hal;

namespace Station.Core.Update
{
    /// <summary>The loader's work at every start, before the station is built: count the boot and choose the image
    /// (<see cref="BootSelector.Choose"/>, a watchdog restart counting against a trial image like any other reset), save
    /// the record, then check the chosen slot again — signature, board, every assembly's hash, and that it is the version
    /// the record names — and load its assemblies in manifest order. An image that fails any of that is refused and the
    /// next one is tried (trial → confirmed → factory), so a start always ends on an image that loaded.</summary>
    /// <remarks>The slot is checked at every start, not only when it was downloaded: the card is removable, and a
    /// bundle put on it by hand must not run. The check runs before the control loop exists (nothing to starve), so it
    /// goes in large slices.</remarks>
    public sealed class ImageBoot
    {
        /// <summary>Ladder bits per verification slice at boot.</summary>
        const int BootSliceBits = 64;

        readonly IStorage _images;
        readonly byte[] _releaseKey;
        readonly string _board;
        readonly IImageLoader _loader;
        readonly BootRecord _record = new BootRecord();
        readonly BundleVerifier _verifier = new BundleVerifier();

        /// <summary>A loader over the image store <paramref name="images"/> (slot files and the boot record), trusting
        /// <paramref name="releaseKey"/> for <paramref name="board"/>, loading through <paramref name="loader"/>.</summary>
        public ImageBoot(IStorage images, byte[] releaseKey, string board, IImageLoader loader)
        {
            _images = images;
            _releaseKey = releaseKey;
            _board = board;
            _loader = loader;
        }

        /// <summary>The loader's record after this start.</summary>
        public BootRecord Record { get { return _record; } }

        /// <summary>The slot running (<see cref="BootRecord.Factory"/>: the image deployed with the board).</summary>
        public int Slot { get; private set; } = BootRecord.Factory;

        /// <summary>The version text of the loaded image, or null for the factory image.</summary>
        public string Version { get; private set; }

        /// <summary>Why the last image tried was refused at this start, or None.</summary>
        public UpdateReason Refused { get; private set; }

        /// <summary>True when this start runs a trial image (on probation).</summary>
        public bool OnTrial { get { return Slot >= 0 && Slot == _record.TrialSlot; } }

        /// <summary>Counts this start, chooses the image and loads it; returns the slot that runs.
        /// <paramref name="lastReset"/> is why the board started (the reset journal's pending intent).</summary>
        public int Start(ResetReason lastReset)
        {
            _record.Load(_images);
            int slot = BootSelector.Choose(_record, lastReset == ResetReason.Watchdog);
            // Saved before loading: a crash or a hang while loading has used this boot.
            _record.Save(_images);
            Refused = UpdateReason.None;
            Version = null;
            while (slot != BootRecord.Factory)
            {
                long expected = slot == _record.TrialSlot ? _record.TrialVersion : _record.ConfirmedVersion;
                UpdateReason why = LoadSlot(slot, expected);
                if (why == UpdateReason.None) break;
                Refused = why;
                slot = BootSelector.LoadFailed(_record, slot);
                _record.Save(_images);
            }
            Slot = slot;
            return slot;
        }

        /// <summary>The loaded image would not start (no entry point, or it threw before running): the record moves on
        /// to the next image (trial → confirmed → factory), so the restart that follows does not try this one again.</summary>
        public void EntryFailed()
        {
            if (Slot == BootRecord.Factory) return;
            Slot = BootSelector.LoadFailed(_record, Slot);
            _record.Save(_images);
        }

        UpdateReason LoadSlot(int slot, long expectedVersion)
        {
            string file = BootRecord.SlotFile(slot);
            // No downgrade floor here: the floor governs what may be installed, not the image already confirmed.
            _verifier.Begin(_images, file, _releaseKey, _board, LoaderVersion.Current, 0);
            while (!_verifier.Step(BootSliceBits)) { }
            if (!_verifier.Passed) return _verifier.Reason;
            BundleManifest m = _verifier.Manifest;
            // A genuine bundle of another version (an older signed one copied onto the card) is not the image the
            // record trusts.
            if (m.VersionNumber != expectedVersion) return UpdateReason.ImageUnloadable;
            byte[] header = new byte[BundleLayout.HeaderLength];
            if (_images.Read(file, 0, header, 0, header.Length) != header.Length) return UpdateReason.StorageFailed;
            int at = BundleLayout.PayloadOffset(BundleLayout.ManifestLength(header));
            for (int i = 0; i < m.AssemblyCount; i++)
            {
                byte[] image = new byte[m.AssemblySizes[i]];
                if (!ReadFully(file, at, image)) return UpdateReason.StorageFailed;
                if (!_loader.Load(m.AssemblyNames[i], image)) return UpdateReason.ImageUnloadable;
                at += image.Length;
            }
            Version = m.Version;
            return UpdateReason.None;
        }

        // A file system may return a large read in parts.
        bool ReadFully(string file, int position, byte[] buffer)
        {
            int got = 0;
            while (got < buffer.Length)
            {
                int n = _images.Read(file, position + got, buffer, got, buffer.Length - got);
                if (n <= 0) return false;
                got += n;
            }
            return true;
        }
    }
}

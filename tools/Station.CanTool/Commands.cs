using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Station.Core;
using Station.Core.Can;
using Station.Hal;
using Station.Hal.Sim;
using Station.Simulator;

namespace Station.CanTool;

/// <summary>record (the simulator writes its pack CAN traffic as a candump log) and replay (the simulated bay talks to a
/// recorded pack instead of a simulated one).</summary>
public static class Commands
{
    public const string Usage =
        "usage: Station.CanTool record OUT [--swaps N] [--bms-fault KIND]   run simulated swaps, write the pack CAN bus as candump -l\n" +
        "       Station.CanTool replay FILE [--quiet]                     one simulated swap whose new pack is the recorded BMS in FILE\n";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        switch (args[0])
        {
            case "record": return Record(args, stdout, stderr);
            case "replay": return Replay(args, stdout, stderr);
        }
        stderr.WriteLine("Station.CanTool: unknown command '" + args[0] + "'");
        stderr.Write(Program.Usage);
        return 2;
    }

    private static int Record(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length < 2) { stderr.Write(Program.Usage); return 2; }
        int swaps = 1;
        string? fault = null;
        for (int i = 2; i < args.Length; i++)
        {
            if (args[i] == "--swaps" && i + 1 < args.Length && int.TryParse(args[i + 1], out swaps) && swaps >= 0 && swaps <= 100) i++;
            else if (args[i] == "--bms-fault" && i + 1 < args.Length && Array.IndexOf(SimPackCan.FaultKinds, args[i + 1]) >= 0) fault = args[++i];
            else
            {
                stderr.WriteLine("Station.CanTool: bad option '" + args[i] + "' (--swaps 0..100, --bms-fault " + string.Join("|", SimPackCan.FaultKinds) + ")");
                return 2;
            }
        }
        var events = new List<ScenarioEvent>();
        if (fault != null) events.Add(new ScenarioEvent { AtSeconds = 0, Do = "bms_fault", Args = { ["kind"] = fault } });
        var run = new BayRun(new PlantParameters(), swaps, 0, events);
        StreamWriter w;
        try { w = new StreamWriter(args[1], false, new UTF8Encoding(false)); }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            stderr.WriteLine("Station.CanTool: cannot write '" + args[1] + "': " + e.Message);
            return 1;
        }
        long lines;
        using (w)
        {
            var rec = run.PackCan.Record(w);
            run.Run();
            rec.Dispose();
            lines = rec.Lines;
        }
        stdout.WriteLine("{\"recorded\":" + Json(args[1]) + ",\"frames\":" + lines + ",\"swaps_completed\":" + run.SwapsCompleted +
                         ",\"latched_fault\":" + Json(FaultCatalogue.Name(run.Controller?.LatchedFault ?? FaultCode.None)) + "}");
        return 0;
    }

    private static int Replay(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length < 2) { stderr.Write(Program.Usage); return 2; }
        bool quiet = false;
        for (int i = 2; i < args.Length; i++)
        {
            if (args[i] == "--quiet") quiet = true;
            else { stderr.WriteLine("Station.CanTool: bad option '" + args[i] + "'"); return 2; }
        }
        string text;
        try
        {
            if (Directory.Exists(args[1])) throw new IOException("it is a directory");
            var info = new FileInfo(args[1]);
            if (info.Exists && info.Length > 256L * 1024 * 1024) throw new IOException("larger than 256 MB");
            text = File.ReadAllText(args[1], Encoding.Latin1);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            stderr.WriteLine("Station.CanTool: cannot read '" + args[1] + "': " + e.Message);
            return 1;
        }
        string? serial = RecordedSerial(text);
        var plant = new PlantParameters();
        var run = new BayRun(plant, 1);
        if (serial != null)
        {
            // The recorded pack stands in the rack as the best-charged pack, so the station chooses it.
            var slots = run.Bay.Rack.Slots;
            slots[0] = null;
            run.Bay.Rack.Place(0, new SimPack(serial, 100, plant.PackType));
        }
        var replay = run.PackCan.UseRecording(new StringReader(text));
        if (!quiet) run.Progress = line => stdout.WriteLine(line);
        run.Run();
        var check = run.PackCan.Check;
        var rec = run.Controller?.LastSwap ?? run.Controller?.CurrentSwap;
        stdout.WriteLine("{\"replay\":{\"frames\":" + replay.Count + ",\"played\":" + replay.Played + ",\"bad_lines\":" + replay.BadLines +
                         ",\"recorded_serial\":" + Json(serial) +
                         ",\"reported_serial\":" + Json(check?.Session.Identity.SerialText) +
                         ",\"session\":" + Json(check == null ? null : PackSessionStates.Name(check.Session.State)) +
                         ",\"gate\":" + Json(check?.Reason) +
                         ",\"bms_verified\":" + (rec != null && rec.BmsVerified ? "true" : "false") +
                         ",\"swaps_completed\":" + run.SwapsCompleted +
                         ",\"latched_fault\":" + Json(FaultCatalogue.Name(run.Controller?.LatchedFault ?? FaultCode.None)) + "}}");
        return 0;
    }

    /// <summary>The serial of the first BRM in a log, as the station reads it (maker letters + number).</summary>
    public static string? RecordedSerial(string log)
    {
        string? serial = null;
        var profile = GbT27930Profile.Instance;
        var decoder = new PackDecoder(profile, null, 8, new TpTimings());
        var identity = new PackIdentity();
        PackMessage brm = profile.ByName("BRM");
        int iSerial = brm.IndexOf("pack_serial_number"), iMaker = brm.IndexOf("manufacturer");
        decoder.MessageDecoded = m =>
        {
            if (serial != null || m.Message != brm || !m.Has(iSerial)) return;
            identity.SerialNumber = m.Raw[iSerial];
            int n = 0;
            if (m.Has(iMaker)) { n = 4; while (n > 0 && (m.Data[8 + n - 1] == 0 || m.Data[8 + n - 1] == 0xFF)) n--; }
            for (int i = 0; i < n; i++) identity.Manufacturer[i] = m.Data[8 + i];
            identity.ManufacturerLength = n;
            serial = identity.SerialText;
        };
        var f = new CanFrame();
        using var reader = new StringReader(log);
        string? line;
        while ((line = reader.ReadLine()) != null && serial == null)
        {
            if (line.Length > 1024 || CandumpLine.TryParse(line, ref f, out long us, out _, out _) != null) continue;
            decoder.Poll(us / 1000);
            decoder.Receive(ref f, us / 1000);
        }
        return serial;
    }

    private static string Json(string? s)
    {
        if (s == null) return "null";
        var sb = new StringBuilder();
        PackJson.AppendString(sb, s);
        return sb.ToString();
    }
}

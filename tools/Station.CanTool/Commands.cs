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
/// recorded pack instead of a simulated one); <see cref="Program"/> parses their command lines.</summary>
public static class Commands
{
    /// <summary>record: runs simulated swaps and writes the pack CAN bus to <paramref name="output"/> as candump -l.</summary>
    public static int Record(string output, int swaps, string? fault, TextWriter stdout, TextWriter stderr)
    {
        var events = new List<ScenarioEvent>();
        if (fault != null) events.Add(new ScenarioEvent { AtSeconds = 0, Do = "bms_fault", Args = { ["kind"] = fault } });
        var run = new BayRun(new PlantParameters(), swaps, 0, events);
        StreamWriter w;
        try { w = new StreamWriter(output, false, new UTF8Encoding(false)); }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            stderr.WriteLine("Station.CanTool: cannot write '" + output + "': " + e.Message);
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
        stdout.WriteLine("{\"recorded\":" + Json(output) + ",\"frames\":" + lines + ",\"swaps_completed\":" + run.SwapsCompleted +
                         ",\"latched_fault\":" + Json(FaultCatalogue.Name(run.Controller?.LatchedFault ?? FaultCode.None)) + "}");
        return 0;
    }

    /// <summary>replay: one simulated swap whose new pack is the recorded BMS in <paramref name="file"/>; a file with no
    /// CAN frame in it is refused (exit 1) rather than running a swap against nothing.</summary>
    public static int Replay(string file, bool quiet, TextWriter stdout, TextWriter stderr)
    {
        string text;
        try
        {
            if (Directory.Exists(file)) throw new IOException("it is a directory");
            var info = new FileInfo(file);
            if (info.Exists && info.Length > 256L * 1024 * 1024) throw new IOException("larger than 256 MB");
            text = File.ReadAllText(file, Encoding.Latin1);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
        {
            stderr.WriteLine("Station.CanTool: cannot read '" + file + "': " + e.Message);
            return 1;
        }
        int frames = CountFrames(text);
        if (frames == 0)
        {
            stderr.WriteLine("Station.CanTool: '" + file + "' holds no CAN frame in candump -l format: nothing to replay");
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

    private static int CountFrames(string log)
    {
        var f = new CanFrame();
        int n = 0;
        using var reader = new StringReader(log);
        string? line;
        while ((line = reader.ReadLine()) != null)
            if (line.Length <= 1024 && CandumpLine.TryParse(line, ref f, out _, out _, out _) == null) n++;
        return n;
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

import { describe, expect, it } from "vitest";
import { bundledBinaryPath, expandPath, resolveBinary, BinarySearch } from "../src/binary";

function search(files: string[], overrides: Partial<BinarySearch> = {}): BinarySearch {
  return {
    configuredPath: "",
    extensionPath: "/ext",
    platform: "linux",
    arch: "x64",
    envPath: "/usr/local/bin:/usr/bin",
    homeDir: "/home/ana",
    workspaceFolder: "/work/deal",
    isExecutableFile: (f) => files.includes(f),
    ...overrides,
  };
}

describe("resolveBinary", () => {
  it("prefers the binary bundled for this platform", () => {
    const r = resolveBinary(search(["/ext/server/linux-x64/clauselint", "/usr/bin/clauselint"]));
    expect(r).toEqual({ found: true, path: "/ext/server/linux-x64/clauselint", source: "bundled" });
  });

  it("falls back to PATH when no binary ships for the platform", () => {
    const r = resolveBinary(search(["/ext/server/linux-x64/clauselint", "/usr/bin/clauselint"], { arch: "arm64" }));
    expect(r).toEqual({ found: true, path: "/usr/bin/clauselint", source: "path" });
  });

  it("takes the setting over everything, expanding ~ and ${workspaceFolder}", () => {
    const files = ["/home/ana/.cargo/bin/clauselint", "/work/deal/bin/clauselint", "/ext/server/linux-x64/clauselint"];
    expect(resolveBinary(search(files, { configuredPath: "~/.cargo/bin/clauselint" }))).toEqual({
      found: true,
      path: "/home/ana/.cargo/bin/clauselint",
      source: "setting",
    });
    expect(resolveBinary(search(files, { configuredPath: "${workspaceFolder}/bin/clauselint" }))).toMatchObject({
      path: "/work/deal/bin/clauselint",
    });
    expect(resolveBinary(search(files, { configuredPath: "bin/clauselint" }))).toMatchObject({
      path: "/work/deal/bin/clauselint",
    });
  });

  it("looks a bare command name up on PATH", () => {
    const r = resolveBinary(search(["/usr/local/bin/clauselint-dev"], { configuredPath: "clauselint-dev" }));
    expect(r).toEqual({ found: true, path: "/usr/local/bin/clauselint-dev", source: "setting" });
  });

  it("says which setting is wrong instead of falling back silently", () => {
    const r = resolveBinary(search(["/usr/bin/clauselint"], { configuredPath: "/opt/clauselint" }));
    expect(r.found).toBe(false);
    expect(r.found ? "" : r.message).toContain("clauselint.path");
    expect(r.found ? "" : r.message).toContain("/opt/clauselint");
  });

  it("names the platform and the ways out when nothing is found", () => {
    const r = resolveBinary(search([], { platform: "darwin", arch: "arm64", envPath: undefined }));
    expect(r.found).toBe(false);
    const message = r.found ? "" : r.message;
    expect(message).toContain("darwin-arm64");
    expect(message).toContain("PATH");
    expect(message).toContain("clauselint.path");
  });

  it("finds clauselint.exe on a Windows PATH", () => {
    const r = resolveBinary(
      search(["C:\\tools\\clauselint.exe"], { platform: "win32", envPath: "C:\\Windows;C:\\tools", extensionPath: "C:\\ext" }),
    );
    expect(r).toEqual({ found: true, path: "C:\\tools\\clauselint.exe", source: "path" });
    expect(bundledBinaryPath("/ext", "win32", "x64")).toMatch(/server[\\/]win32-x64[\\/]clauselint\.exe$/);
  });

  it("keeps an absolute path as it is", () => {
    expect(expandPath("/srv/clauselint", { homeDir: "/h", workspaceFolder: "/w", platform: "linux" })).toBe("/srv/clauselint");
    expect(expandPath("rel/x", { homeDir: "/h", workspaceFolder: undefined, platform: "linux" })).toBe("rel/x");
  });
});

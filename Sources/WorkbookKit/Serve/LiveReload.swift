import Foundation

/// The few lines of script `workbook serve` adds to HTML responses (built
/// pages on disk stay script-free). The script knows the build number the
/// page was served at, polls `/__workbook/version` twice a second, and
/// reloads when the number changes, keeping the scroll position through
/// `sessionStorage`. When the server is gone it keeps polling, more slowly.
public enum LiveReload {
    public static let versionPath = "/__workbook/version"

    public static func script(version: Int) -> String {
        """
        <script>/* workbook serve: live reload (not part of the built page) */
        (function () {
          var key = "workbook-scroll:" + location.pathname, seen = "\(version)";
          var saved = sessionStorage.getItem(key);
          if (saved !== null) {
            sessionStorage.removeItem(key);
            var restore = function () { window.scrollTo(0, Number(saved)); };
            restore(); window.addEventListener("load", restore);
          }
          function poll() {
            fetch("\(versionPath)", { cache: "no-store" })
              .then(function (r) { return r.text(); })
              .then(function (v) {
                if (v.trim() !== seen) {
                  sessionStorage.setItem(key, String(window.scrollY));
                  location.reload();
                } else { setTimeout(poll, 500); }
              })
              .catch(function () { setTimeout(poll, 2000); });
          }
          setTimeout(poll, 500);
        })();
        </script>

        """
    }

    /// The page with the script inserted before its last `</body>` (or at the
    /// end when there is none).
    public static func inject(into html: Data, version: Int) -> Data {
        insert(Data(script(version: version).utf8), into: html)
    }

    /// `script` inserted before the last `</body>` of `html`, or appended when there is none.
    static func insert(_ script: Data, into html: Data) -> Data {
        let marker = Data("</body>".utf8)
        guard let range = html.range(of: marker, options: .backwards) else { return html + script }
        var result = html
        result.insert(contentsOf: script, at: range.lowerBound)
        return result
    }
}

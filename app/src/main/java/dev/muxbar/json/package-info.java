/**
 * JSON for the daemon on Jackson's streaming layer (jackson-core) alone: {@link dev.muxbar.json.Json}
 * parses text into {@link dev.muxbar.json.Node} trees and writes maps, lists, records and nodes.
 * The daemon does not load jackson-databind: its ~430 classes (plus jackson-annotations') were an
 * eighth of everything the daemon loaded, about 4 MB of its resident memory, for a tree model and
 * record serialisation that these two classes give. The CLI, a short-lived process, still uses
 * databind. May import jackson-core and the JDK; nothing of muxbar's.
 */
package dev.muxbar.json;

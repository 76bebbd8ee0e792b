package org.vinfra.diagram.server.glsp;

import org.eclipse.glsp.server.websocket.GLSPServerEndpoint;

/** The GLSP websocket endpoint (one GLSP server, with its sessions, per connection). */
public class TopologyServerEndpoint extends GLSPServerEndpoint {
}

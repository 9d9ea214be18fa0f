package io.agrilink.training.notice;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agrilink.training.Notice;
import io.smallrye.common.annotation.Identifier;

/** The default sender: writes each notice to the log, for development and for programmes without a gateway. */
@ApplicationScoped
@Identifier("log")
public class LogNoticeSender implements NoticeSender {

    private static final Logger LOG = Logger.getLogger(LogNoticeSender.class);

    @Override
    public void send(Notice notice) {
        LOG.infof("Notice %d to %s (%s): %s", notice.id, notice.farmer, notice.kind, notice.message);
    }
}

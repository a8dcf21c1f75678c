import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local idealista-like portal for the extraction benchmark: generated search pages of 30 cards in idealista's
 * markup (newest first, with pagination) and the contact-info AJAX answer, for N listings in all. JDK only.
 *
 * <p>The mix per ten cards: 4 agencies (logo on the card: ruled out without a request), 1 agency only the contact
 * reveals, 1 owner hiding the phone, 1 owner refusing agencies (ruled out from the card text), 3 owners with a
 * phone (leads). So half the listings cost a contact request, as on the real site.
 *
 * <p>Usage: {@code java FixturePortal.java <port> <listings>}
 */
public class FixturePortal {

    static final int PER_PAGE = 30;
    static final long FIRST_ID = 200_000_000L;
    static final Pattern PAGE = Pattern.compile("/pagina-(\\d+)\\.htm$");
    static final Pattern AD_ID = Pattern.compile("(?:^|&)adId=(\\d+)");
    static final AtomicLong REQUESTS = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        int listings = Integer.parseInt(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            REQUESTS.incrementAndGet();
            try {
                URI uri = exchange.getRequestURI();
                String path = uri.getPath();
                if (path.startsWith("/es/ajax/listingController/adContactInfoForDetail.ajax")) {
                    Matcher m = AD_ID.matcher(uri.getRawQuery() == null ? "" : uri.getRawQuery());
                    respond(exchange, 200, "application/json", m.find() ? contact(Long.parseLong(m.group(1))) : "{}");
                } else if (path.startsWith("/venta-viviendas/")) {
                    Matcher m = PAGE.matcher(path);
                    int page = m.find() ? Integer.parseInt(m.group(1)) : 1;
                    respond(exchange, 200, "text/html; charset=utf-8", page(path, page, listings));
                } else if (path.equals("/requests")) {
                    respond(exchange, 200, "text/plain", Long.toString(REQUESTS.get()));
                } else {
                    respond(exchange, 404, "text/plain", "not found");
                }
            } catch (RuntimeException e) {
                respond(exchange, 500, "text/plain", String.valueOf(e));
            }
        });
        server.start();
        System.out.println("fixture portal on 127.0.0.1:" + port + " serving " + listings + " listings");
    }

    static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static String page(String path, int page, int listings) {
        String base = path.replaceAll("pagina-\\d+\\.htm$", "");
        int pages = (listings + PER_PAGE - 1) / PER_PAGE;
        StringBuilder html = new StringBuilder(64 * 1024);
        html.append("<!DOCTYPE html><html lang=\"es\"><head><meta charset=\"utf-8\"><title>Pisos en venta — idealista</title>")
                .append("<script src=\"https://js.datadome.co/tags.js\" async></script></head><body class=\"listing-page\">")
                .append("<main id=\"main-content\" class=\"listing-items\"><div class=\"listing-top\">")
                .append("<h1 id=\"h1-container\"><span id=\"h1-container__text\">").append(listings)
                .append(" casas y pisos en venta</span></h1></div><section class=\"items-container items-list\">");
        int first = (page - 1) * PER_PAGE;
        for (int i = first; i < Math.min(listings, first + PER_PAGE); i++) {
            card(html, i);
        }
        html.append("</section><div class=\"pagination\"><ul><li class=\"selected\"><span>").append(Math.min(page, pages))
                .append("</span></li>");
        if (page < pages) {
            html.append("<li class=\"next\"><a href=\"").append(base).append("pagina-").append(page + 1)
                    .append(".htm?ordenado-por=fecha-publicacion-desc\"><span>Siguiente</span></a></li>");
        }
        return html.append("</ul></div></main></body></html>").toString();
    }

    static void card(StringBuilder html, int i) {
        long id = FIRST_ID + i;
        int kind = i % 10;
        boolean logo = kind < 4;
        String description = kind == 6
                ? "Vendo piso luminoso de particular a particular. Abstenerse agencias."
                : "Piso exterior de " + (60 + i % 90) + " m² con ascensor, cerca del metro y de todos los servicios.";
        html.append("<article class=\"item extended-item item-multimedia-container\" data-element-id=\"").append(id).append("\">")
                .append("<div class=\"item-info-container\"><a href=\"/inmueble/").append(id)
                .append("/\" role=\"heading\" class=\"item-link\" title=\"Piso en calle Mayor ").append(i % 200)
                .append(", Valencia\">Piso en calle Mayor ").append(i % 200).append(", Valencia</a>")
                .append("<div class=\"price-row\"><span class=\"item-price h2-simulated\">").append(150 + i % 400)
                .append(".000<span class=\"txt-big\">€</span></span></div>")
                .append("<div class=\"item-detail-char\"><span class=\"item-detail\">").append(1 + i % 4)
                .append(" hab.</span><span class=\"item-detail\">").append(60 + i % 90).append(" m²</span></div>")
                .append("<div class=\"item-description description\"><p class=\"ellipsis\">").append(description).append("</p></div>");
        if (logo) {
            html.append("<picture class=\"logo-branding\"><a href=\"/pro/agencia-").append(i % 50)
                    .append("/\" title=\"Agencia ").append(i % 50).append("\"><img alt=\"Agencia ").append(i % 50)
                    .append("\"></a></picture>");
        }
        html.append("<div class=\"item-toolbar\"><button class=\"see-phones-btn\" data-element-id=\"").append(id)
                .append("\">Ver teléfono</button></div></div></article>");
    }

    static String contact(long id) {
        int i = (int) (id - FIRST_ID);
        int kind = i % 10;
        boolean professional = kind == 4;
        boolean hidden = kind == 5;
        String phone = String.format("+34 655 5%01d %02d %02d", (i / 10000) % 10, (i / 100) % 100, i % 100);
        return "{\"result\":\"OK\",\"data\":{\"adId\":" + id + ",\"isAdProfessional\":" + professional
                + ",\"showPhoneContactMethod\":" + !hidden + ",\"firstName\":\"Propietario " + i + "\",\"commercialName\":"
                + (professional ? "\"Agencia oculta\"" : "null") + ",\"formattedContactPhoneWithPrefix\":"
                + (hidden ? "null" : "\"" + phone + "\"") + "}}";
    }
}

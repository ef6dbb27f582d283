package io.spotbridge.ingress.users;

import java.util.Optional;

import io.spotbridge.ingress.directory.UserEntry;
import io.spotbridge.ingress.scim.ListPage;
import io.spotbridge.ingress.scim.RequestContext;
import io.spotbridge.ingress.scim.ScimJson;
import io.spotbridge.ingress.scim.ScimMediaTypes;
import io.spotbridge.ingress.scim.ScimResponses;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** SCIM 2.0 Users endpoint (RFC 7644 §3.2-3.6) as Okta uses it; {@code POST /Users} is {@link UserCreateRoute}. */
@RestController
@RequestMapping(ScimMediaTypes.BASE_PATH + "/Users")
class UsersController {

	private final UserService users;

	UsersController(UserService users) {
		this.users = users;
	}

	@GetMapping
	ResponseEntity<byte[]> list(ServerWebExchange exchange, @RequestParam Optional<String> filter,
			@RequestParam Optional<String> startIndex, @RequestParam Optional<String> count) {
		RequestContext context = RequestContext.of(exchange);
		ListPage page = ListPage.of(startIndex, count);
		UserService.Page result = users.list(context, filter, page);
		return ScimResponses.ok(UserResources.writeList(page, result.total(), result.users(), context.baseUrl()));
	}

	@GetMapping("/{id}")
	ResponseEntity<byte[]> get(ServerWebExchange exchange, @PathVariable String id) {
		RequestContext context = RequestContext.of(exchange);
		var user = users.get(context, id);
		return answer(HttpStatus.OK, user, context);
	}

	@PutMapping("/{id}")
	Mono<ResponseEntity<byte[]>> replace(ServerWebExchange exchange, @PathVariable String id,
			@RequestBody(required = false) byte[] body, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch) {
		RequestContext context = RequestContext.of(exchange);
		return users.replace(context, id, ScimJson.parseObject(body), ifMatch)
			.map(user -> answer(HttpStatus.OK, user, context));
	}

	@PatchMapping("/{id}")
	Mono<ResponseEntity<byte[]>> patch(ServerWebExchange exchange, @PathVariable String id,
			@RequestBody(required = false) byte[] body, @RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch) {
		RequestContext context = RequestContext.of(exchange);
		return users.patch(context, id, ScimJson.parseObject(body), ifMatch)
			.map(user -> answer(HttpStatus.OK, user, context));
	}

	private static ResponseEntity<byte[]> answer(HttpStatus status, UserEntry user, RequestContext context) {
		return ScimResponses.resource(status, UserResources.write(user, context.baseUrl()),
				UserResources.location(user, context.baseUrl()), user.version());
	}

	@DeleteMapping("/{id}")
	Mono<ResponseEntity<byte[]>> delete(ServerWebExchange exchange, @PathVariable String id,
			@RequestHeader(HttpHeaders.IF_MATCH) Optional<String> ifMatch) {
		return users.delete(RequestContext.of(exchange), id, ifMatch).thenReturn(ScimResponses.noContent());
	}

}

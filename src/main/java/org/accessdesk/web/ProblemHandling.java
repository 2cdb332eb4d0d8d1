package org.accessdesk.web;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Every failure inside a controller becomes a problem through {@link Problems}. */
@RestControllerAdvice
class ProblemHandling {

	@ExceptionHandler(Throwable.class)
	ResponseEntity<ProblemDetail> handle(Throwable failure) {
		ProblemDetail problem = Problems.from(failure);
		return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}

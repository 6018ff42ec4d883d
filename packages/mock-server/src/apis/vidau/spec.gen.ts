// Generated from specs/vidau.yaml by scripts/bundle-specs.mjs. Do not edit.

import type { OpenApiDocument } from '../../core/openapi.js';

/** `specs/vidau.yaml`, as the mock routes and validates it. */
export const spec: OpenApiDocument = {
  "openapi": "3.1.0",
  "info": {
    "title": "VidAU avatar video",
    "version": "1.0.0",
    "summary": "Create an AI avatar video task and query it.",
    "description": "Hand-written from the vendor's public documentation. Every request is signed: the\n`Authorization` header carries Base64(HMAC-SHA256(x-auth-key, x-client-id + body + timestamp)),\nwhere the body is the sorted compact JSON the vendor's fastjson2 sample produces and\n`timestamp` is in milliseconds.\n\nWhat the vendor documentation leaves unknown is marked `x-unverified: true`: the host, the\ntask-info `status` values, the `RESPONSE-WRAP` values and envelope, the webhook payload, the\nreplay window, and whether the server really needs `x-auth-key` (the HMAC secret itself).\n",
    "license": {
      "name": "MIT",
      "identifier": "MIT"
    }
  },
  "servers": [
    {
      "url": "https://vidau-app.superads.cn/openapi",
      "description": "The host of the vendor's curl sample; the endpoint pages show only the relative server `openapi`.",
      "x-unverified": true
    }
  ],
  "security": [
    {
      "vidauClientId": [],
      "vidauTimestamp": [],
      "vidauSignature": []
    }
  ],
  "paths": {
    "/v1.0/avatar/video/create": {
      "post": {
        "operationId": "createAvatarVideo",
        "summary": "Generate an avatar video task",
        "description": "Create an avatar video with parameters. Not idempotent.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AuthKey"
          },
          {
            "$ref": "#/components/parameters/ResponseWrap"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AvatarVideoCreateRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The task.",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/AvatarVideoTask"
                    },
                    {
                      "$ref": "#/components/schemas/AvatarVideoTaskEnvelope"
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    },
    "/v1.0/task/info": {
      "post": {
        "operationId": "getTaskInfo",
        "summary": "Get task info",
        "description": "Query task information. A POST with a JSON body; safe to repeat.",
        "parameters": [
          {
            "$ref": "#/components/parameters/AuthKey"
          },
          {
            "$ref": "#/components/parameters/ResponseWrap"
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/TaskInfoRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The task information.",
            "content": {
              "application/json": {
                "schema": {
                  "anyOf": [
                    {
                      "$ref": "#/components/schemas/TaskInfo"
                    },
                    {
                      "$ref": "#/components/schemas/TaskInfoEnvelope"
                    }
                  ]
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/BadRequest"
          },
          "401": {
            "$ref": "#/components/responses/Unauthorized"
          },
          "403": {
            "$ref": "#/components/responses/Forbidden"
          },
          "404": {
            "$ref": "#/components/responses/NotFound"
          }
        }
      }
    }
  },
  "webhooks": {
    "avatarVideoTask": {
      "post": {
        "operationId": "receiveAvatarVideoTask",
        "summary": "Avatar video task notification",
        "x-unverified": true,
        "description": "Sent to the `webhook_url` of a create request. Method, payload and retries are not documented; the payload is assumed to be the task object.",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AvatarVideoTask"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Received."
          },
          "400": {
            "description": "The receiver could not read the notification."
          }
        }
      }
    }
  },
  "components": {
    "responses": {
      "BadRequest": {
        "description": "The body was refused, e.g. a missing field or `params.text` over 1200 characters.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "Unauthorized": {
        "description": "The signature, client id or timestamp was not accepted.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "Forbidden": {
        "description": "The client may not use this operation.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      },
      "NotFound": {
        "description": "No such task or path.",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/ErrorEnvelope"
            }
          }
        }
      }
    },
    "securitySchemes": {
      "vidauClientId": {
        "type": "apiKey",
        "in": "header",
        "name": "x-client-id",
        "description": "The client id from the API keys page. Named as a credential on the authentication page; the endpoint pages do not list it."
      },
      "vidauTimestamp": {
        "type": "apiKey",
        "in": "header",
        "name": "timestamp",
        "description": "Milliseconds since the Unix epoch (13 digits), the one that was signed. The accepted clock skew is not documented."
      },
      "vidauSignature": {
        "type": "apiKey",
        "in": "header",
        "name": "Authorization",
        "description": "Base64 HMAC-SHA256 under the x-auth-key of `x-client-id + canonical body + timestamp`, no scheme prefix."
      }
    },
    "parameters": {
      "AuthKey": {
        "name": "x-auth-key",
        "in": "header",
        "required": false,
        "x-unverified": true,
        "description": "Listed as required on the endpoint pages, but it is the HMAC secret itself; clients send it only when told to.",
        "schema": {
          "type": "string"
        }
      },
      "ResponseWrap": {
        "name": "RESPONSE-WRAP",
        "in": "header",
        "required": false,
        "x-unverified": true,
        "description": "\"Whether to encapsulate response data\". Listed as required; its values and the wrapped envelope are not documented. Clients send `false` and read both the bare object and the `{code, msg, data}` envelope; `true` asks for the envelope.",
        "schema": {
          "type": "string",
          "examples": [
            "false",
            "true"
          ]
        }
      }
    },
    "schemas": {
      "TaskStatus": {
        "type": "integer",
        "format": "int32",
        "enum": [
          0,
          1,
          2
        ],
        "description": "0: executing, 1: success, 2: failed."
      },
      "AvatarVideoParams": {
        "type": "object",
        "required": [
          "voice_id",
          "avatar_id",
          "text",
          "language"
        ],
        "additionalProperties": true,
        "properties": {
          "voice_id": {
            "type": "string"
          },
          "avatar_id": {
            "type": "integer"
          },
          "text": {
            "type": "string",
            "minLength": 1,
            "maxLength": 1200,
            "x-max-length-unit": "utf-16",
            "description": "What the avatar says; at most 1200 characters. The server is Java, whose String.length() counts UTF-16 code units, so the client and the mock count them too: a character outside the Basic Multilingual Plane (most emoji) counts twice, which JSON Schema's code-point `maxLength` cannot express."
          },
          "language": {
            "type": "string",
            "description": "A language name, not a code.",
            "examples": [
              "English"
            ]
          }
        }
      },
      "AvatarVideoCreateRequest": {
        "type": "object",
        "required": [
          "webhook_url",
          "params"
        ],
        "properties": {
          "webhook_url": {
            "type": "string",
            "format": "uri",
            "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://[^\\s/?#]",
            "description": "The webhook url to notify the task information: an absolute http(s) URL that also parses as a WHATWG URL (the `uri` format alone admits hosts such as `256.256.256.256`, which the client and the mock refuse)."
          },
          "params": {
            "$ref": "#/components/schemas/AvatarVideoParams"
          }
        }
      },
      "AvatarVideoTask": {
        "type": "object",
        "properties": {
          "task_id": {
            "type": "string"
          },
          "task_status": {
            "$ref": "#/components/schemas/TaskStatus"
          },
          "file_url": {
            "type": "string"
          },
          "failed_reason": {
            "type": "string"
          },
          "webhook_url": {
            "type": "string"
          },
          "params": {
            "type": "object",
            "additionalProperties": true
          }
        }
      },
      "TaskInfoRequest": {
        "type": "object",
        "required": [
          "task_id"
        ],
        "properties": {
          "task_id": {
            "type": "string"
          }
        }
      },
      "TaskInfo": {
        "type": "object",
        "description": "All fields are strings in the vendor's example, `status` and `progress_bar` included.",
        "properties": {
          "app_id": {
            "type": "string"
          },
          "progress_bar": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "x-unverified": true,
            "examples": [
              "0",
              "1",
              "2"
            ],
            "description": "Values are not documented; taken to be the task status 0 (executing), 1 (success), 2 (failed) as a string. Clients must not rely on this alone: a task is finished when `video_url` is set, `failed_reason` is set, or the status is anything but executing."
          },
          "task_status": {
            "x-unverified": true,
            "description": "Not in the task-info example; read when present, as in the create response.",
            "anyOf": [
              {
                "$ref": "#/components/schemas/TaskStatus"
              },
              {
                "type": "string"
              }
            ]
          },
          "failed_reason": {
            "type": "string",
            "x-unverified": true,
            "description": "Not in the task-info example; read when present, as in the create response."
          },
          "task_id": {
            "type": "string"
          },
          "thumb_url": {
            "type": "string"
          },
          "video_url": {
            "type": "string"
          }
        }
      },
      "ErrorEnvelope": {
        "type": "object",
        "x-unverified": true,
        "description": "The error body shape is not documented; `{code, msg}` is what the RESPONSE-WRAP envelope suggests.",
        "properties": {
          "code": {
            "anyOf": [
              {
                "type": "integer"
              },
              {
                "type": "string"
              }
            ]
          },
          "msg": {
            "type": "string"
          },
          "message": {
            "type": "string"
          },
          "data": {}
        }
      },
      "AvatarVideoTaskEnvelope": {
        "type": "object",
        "x-unverified": true,
        "description": "The task wrapped as RESPONSE-WRAP asks; `code` 0 or 200 means success.",
        "required": [
          "code",
          "data"
        ],
        "properties": {
          "code": {
            "anyOf": [
              {
                "type": "integer"
              },
              {
                "type": "string"
              }
            ]
          },
          "msg": {
            "type": "string"
          },
          "data": {
            "$ref": "#/components/schemas/AvatarVideoTask"
          }
        }
      },
      "TaskInfoEnvelope": {
        "type": "object",
        "x-unverified": true,
        "description": "The task information wrapped as RESPONSE-WRAP asks; `code` 0 or 200 means success.",
        "required": [
          "code",
          "data"
        ],
        "properties": {
          "code": {
            "anyOf": [
              {
                "type": "integer"
              },
              {
                "type": "string"
              }
            ]
          },
          "msg": {
            "type": "string"
          },
          "data": {
            "$ref": "#/components/schemas/TaskInfo"
          }
        }
      }
    }
  }
};
